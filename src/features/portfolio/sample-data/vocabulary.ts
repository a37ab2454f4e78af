/**
 * The phrases the SAMPLE portfolio is composed from: research areas, each with the people studied,
 * the approaches tried (treatments, exposures, tests, services) and the outcomes measured. Every
 * element has two wordings of the same idea, so a project and its planted near duplicate can ask
 * the same question in different words.
 *
 * Our own text, written for demonstration. It describes no real project. The duplicate detector's
 * thesaurus was checked against this data (it is the tuning set); the evaluation set in
 * ../evaluation/ is written separately so that measured figures are not flattered by it.
 */
import type { HealthCategory } from '../../directory/model.js';

export type GrandChallengeSlug = 'sarcopenia' | 'multimorbidity';

/** One way of saying something: in research language, and in plain English for the lay summary. */
export interface Wording {
  text: string;
  lay: string;
}

export interface Element {
  key: string;
  wordings: readonly [Wording, Wording];
}

/**
 * What a project does: tries an intervention (a trial, a feasibility study or a mechanistic study),
 * follows an exposure (a cohort study), evaluates a test, or evaluates a service.
 */
export type ApproachKind = 'intervention' | 'exposure' | 'test' | 'service';

export interface Approach extends Element {
  kind: ApproachKind;
  /** The HRCS research activity code: "N.M" only where the sub-code is certain, otherwise "N". */
  activity: string;
  /** The populations this approach makes sense for; all of the area's when absent. */
  populations?: readonly string[];
}

export interface ResearchArea {
  key: string;
  healthCategory: HealthCategory;
  grandChallenges: readonly GrandChallengeSlug[];
  /** The chance that a project in this area also serves the multimorbidity challenge. */
  multimorbidityChance: number;
  funders: readonly string[];
  backgrounds: readonly string[];
  layProblems: readonly string[];
  populations: readonly Element[];
  approaches: readonly Approach[];
  outcomes: readonly Element[];
}

function element(key: string, first: Wording, second: Wording): Element {
  return { key, wordings: [first, second] };
}

function approach(
  key: string,
  kind: ApproachKind,
  activity: string,
  first: Wording,
  second: Wording,
  populations?: readonly string[],
): Approach {
  return populations
    ? { key, kind, activity, wordings: [first, second], populations }
    : { key, kind, activity, wordings: [first, second] };
}

const nihr = ['NIHR', 'NIHR', 'MRC', 'Wellcome', 'industry'];

export const researchAreas: readonly ResearchArea[] = [
  {
    key: 'sarcopenia',
    healthCategory: 'musculoskeletal',
    grandChallenges: ['sarcopenia'],
    multimorbidityChance: 0.2,
    funders: [...nihr, 'Versus Arthritis', 'MRC'],
    backgrounds: [
      'Sarcopenia, the progressive loss of skeletal muscle mass and strength with age, increases the risk of falls, disability and admission to long-term care.',
      'Low muscle strength in later life predicts falls, loss of independence and early death, yet it is rarely assessed in routine care.',
      'Age-related muscle weakness affects up to one in five people over 70 and is largely unrecognised and untreated in the NHS.',
    ],
    layProblems: [
      'As we get older our muscles get smaller and weaker, which makes falls and loss of independence more likely.',
      'Many older people lose muscle strength, which makes everyday tasks such as climbing stairs or getting out of a chair harder.',
    ],
    populations: [
      element(
        'older-community',
        {
          text: 'community-dwelling adults aged 65 and over',
          lay: 'people over 65 who live at home',
        },
        {
          text: 'older people living independently in the community',
          lay: 'older people living in their own homes',
        },
      ),
      element(
        'probable-sarcopenia',
        { text: 'older adults with probable sarcopenia', lay: 'older people with weak muscles' },
        {
          text: 'people over 70 with low grip strength',
          lay: 'people over 70 whose hand grip is weak',
        },
      ),
      element(
        'post-discharge',
        {
          text: 'older patients recently discharged from an acute medical ward',
          lay: 'older people who have just left hospital',
        },
        {
          text: 'people aged 70 and over going home after an emergency hospital stay',
          lay: 'older people returning home after an unplanned stay in hospital',
        },
      ),
    ],
    approaches: [
      approach(
        'resistance',
        'intervention',
        '6.7',
        {
          text: 'a home-based progressive resistance training programme',
          lay: 'simple strength exercises at home',
        },
        {
          text: 'strength exercises with elastic bands done at home',
          lay: 'home exercises that build up the muscles',
        },
      ),
      approach(
        'protein',
        'intervention',
        '6',
        { text: 'daily whey protein supplementation', lay: 'a daily protein drink' },
        { text: 'an oral protein supplement taken each day', lay: 'extra protein taken every day' },
      ),
      approach(
        'nmes',
        'intervention',
        '6.3',
        {
          text: 'neuromuscular electrical stimulation of the thigh muscles',
          lay: 'small electrical pulses that make the thigh muscles work',
        },
        {
          text: 'electrical muscle stimulation of the quadriceps',
          lay: 'a device that stimulates the front thigh muscles',
        },
      ),
      approach(
        'myostatin',
        'intervention',
        '6.1',
        {
          text: 'an investigational myostatin-blocking antibody',
          lay: 'a new medicine designed to help muscles grow',
        },
        {
          text: 'an experimental antibody that inhibits myostatin',
          lay: 'an experimental treatment that blocks a natural brake on muscle growth',
        },
      ),
      approach(
        'ultrasound',
        'test',
        '4',
        {
          text: 'point-of-care ultrasound of the thigh muscle',
          lay: 'a quick ultrasound scan of the thigh',
        },
        {
          text: 'bedside ultrasound measurement of quadriceps thickness',
          lay: 'a scan of the front thigh muscle done at the bedside',
        },
      ),
      approach(
        'sedentary',
        'exposure',
        '2',
        {
          text: 'accelerometer-measured sedentary time',
          lay: 'how much time people spend sitting',
        },
        {
          text: 'time spent sitting, recorded with a wrist-worn activity monitor',
          lay: 'time spent sitting down, measured by a wrist device',
        },
      ),
    ],
    outcomes: [
      element(
        'grip',
        { text: 'handgrip strength', lay: 'hand grip strength' },
        {
          text: 'grip strength measured with a dynamometer',
          lay: 'how strongly people can squeeze',
        },
      ),
      element(
        'gait',
        { text: 'usual gait speed', lay: 'walking speed' },
        { text: 'walking pace over four metres', lay: 'how fast people walk' },
      ),
      element(
        'mass',
        {
          text: 'appendicular lean mass measured by DXA',
          lay: 'the amount of muscle in the arms and legs',
        },
        {
          text: 'muscle mass of the arms and legs on a body composition scan',
          lay: 'how much muscle people have',
        },
      ),
      element(
        'independence',
        {
          text: 'independence in activities of daily living',
          lay: 'being able to manage everyday tasks',
        },
        {
          text: 'the ability to carry out everyday tasks without help',
          lay: 'managing daily life without help',
        },
      ),
    ],
  },
  {
    key: 'falls',
    healthCategory: 'injuries-accidents',
    grandChallenges: [],
    multimorbidityChance: 0.3,
    funders: [...nihr, 'Versus Arthritis'],
    backgrounds: [
      'Falls are the commonest reason for emergency admission in older people and cost the NHS more than two billion pounds a year.',
      'One in three people over 65 falls each year, and hip fracture remains a leading cause of lost independence.',
    ],
    layProblems: [
      'Falls are common in later life and can lead to broken bones, fear of falling and a move into a care home.',
      'Many older people fall each year, and a broken hip can take away their independence.',
    ],
    populations: [
      element(
        'care-home',
        { text: 'residents of care homes', lay: 'people living in care homes' },
        {
          text: 'older people living in nursing and residential homes',
          lay: 'people who live in a nursing or residential home',
        },
      ),
      element(
        'hip-fracture',
        {
          text: 'older adults recovering from hip fracture surgery',
          lay: 'older people who have had an operation for a broken hip',
        },
        {
          text: 'people aged 60 and over after surgical repair of a fractured neck of femur',
          lay: 'older people getting over an operation on a broken hip',
        },
      ),
      element(
        'fallers',
        {
          text: 'older people attending the emergency department after a fall',
          lay: 'older people who come to A&E after a fall',
        },
        {
          text: 'people over 65 seen in A&E following a fall',
          lay: 'older people treated in accident and emergency after falling',
        },
      ),
    ],
    approaches: [
      approach(
        'balance',
        'intervention',
        '6.7',
        {
          text: 'a group strength and balance programme',
          lay: 'group exercise classes for strength and balance',
        },
        {
          text: 'Otago-based balance and leg-strengthening exercise classes',
          lay: 'exercise classes that improve balance and leg strength',
        },
      ),
      approach(
        'vitamin-d',
        'intervention',
        '3',
        { text: 'monthly high-dose vitamin D', lay: 'a monthly dose of vitamin D' },
        {
          text: 'cholecalciferol given once a month at a high dose',
          lay: 'a strong vitamin D capsule once a month',
        },
      ),
      approach(
        'gait-sensors',
        'exposure',
        '2',
        {
          text: 'gait variability measured by wearable sensors',
          lay: 'how steadily people walk, measured by small sensors',
        },
        {
          text: 'unsteadiness of walking recorded with body-worn motion sensors',
          lay: 'how unsteady walking is, recorded by sensors worn on the body',
        },
      ),
      approach(
        'medication-review',
        'service',
        '8.1',
        {
          text: 'a pharmacist-led review of falls-risk medicines',
          lay: 'a pharmacist checking medicines that can cause falls',
        },
        {
          text: 'a structured medication review by a pharmacist targeting drugs that increase the risk of falling',
          lay: 'a pharmacist looking at medicines that make falls more likely',
        },
      ),
      approach(
        'hip-protectors',
        'intervention',
        '3',
        { text: 'hip protector garments', lay: 'padded underwear that protects the hips' },
        {
          text: 'padded hip protectors worn during the day',
          lay: 'special padded pants that cushion the hips in a fall',
        },
        ['care-home'],
      ),
    ],
    outcomes: [
      element(
        'falls-rate',
        { text: 'the rate of falls over twelve months', lay: 'how often people fall' },
        { text: 'the number of falls per person-year', lay: 'the number of falls people have' },
      ),
      element(
        'fracture',
        { text: 'fractures', lay: 'broken bones' },
        { text: 'fragility fractures', lay: 'bones broken in minor falls' },
      ),
      element(
        'fear',
        { text: 'fear of falling', lay: 'worry about falling' },
        {
          text: 'concern about falling measured with the Falls Efficacy Scale',
          lay: 'how worried people are about falling',
        },
      ),
      element(
        'return-home',
        { text: 'return to independent living', lay: 'going back to living independently' },
        {
          text: 'living at home without extra care at six months',
          lay: 'being back home without extra help',
        },
      ),
    ],
  },
  {
    key: 'multimorbidity',
    healthCategory: 'generic-health-relevance',
    grandChallenges: ['multimorbidity'],
    multimorbidityChance: 0,
    funders: [...nihr, 'NIHR', 'Health Foundation'],
    backgrounds: [
      'Multimorbidity, the presence of two or more long-term conditions, affects most people over 65 and accounts for much of NHS activity.',
      'People living with several chronic conditions face fragmented care, many appointments and a heavy treatment burden.',
      'Most clinical guidelines address single diseases, which leaves people with multiple long-term conditions taking many medicines.',
    ],
    layProblems: [
      'Many people live with several long-term health conditions at once and take lots of medicines.',
      'Living with more than one long-term condition often means many appointments and many tablets.',
    ],
    populations: [
      element(
        'mm-primary',
        {
          text: 'adults with multiple long-term conditions registered with general practices',
          lay: 'people with several long-term conditions who see their GP',
        },
        {
          text: 'people living with two or more chronic conditions in primary care',
          lay: 'GP patients with more than one long-term illness',
        },
      ),
      element(
        'polypharmacy',
        {
          text: 'older people taking ten or more regular medicines',
          lay: 'older people who take ten or more medicines',
        },
        {
          text: 'adults aged 65 and over with problematic polypharmacy',
          lay: 'older people taking a large number of tablets',
        },
      ),
      element(
        'mm-deprived',
        {
          text: 'working-age adults with multimorbidity in deprived areas',
          lay: 'people under retirement age with several conditions in poorer areas',
        },
        {
          text: 'people aged 18 to 64 living with several long-term conditions in the most deprived neighbourhoods',
          lay: 'younger adults with several health conditions in deprived communities',
        },
      ),
    ],
    approaches: [
      approach(
        'deprescribing',
        'intervention',
        '6',
        {
          text: 'a structured deprescribing intervention led by clinical pharmacists',
          lay: 'a pharmacist helping people stop medicines they no longer need',
        },
        {
          text: 'pharmacist-led medication reviews aimed at stopping unnecessary medicines',
          lay: 'reviews by a pharmacist to cut down tablets that are not needed',
        },
      ),
      approach(
        'combined-review',
        'service',
        '8.1',
        {
          text: 'a single combined annual review covering all long-term conditions',
          lay: 'one joined-up yearly check-up for all of a person’s conditions',
        },
        {
          text: 'one integrated yearly multimorbidity clinic replacing separate disease reviews',
          lay: 'a single clinic appointment each year instead of many separate ones',
        },
      ),
      approach(
        'clusters',
        'exposure',
        '2',
        {
          text: 'clusters of long-term conditions identified in linked primary care records',
          lay: 'groups of conditions that tend to occur together, found in GP records',
        },
        {
          text: 'patterns of co-occurring diseases derived from electronic health records',
          lay: 'combinations of illnesses that appear together in health records',
        },
      ),
      approach(
        'risk-score',
        'test',
        '4',
        {
          text: 'a machine learning risk score built from GP records',
          lay: 'a computer tool that uses GP records to spot people at risk',
        },
        {
          text: 'an artificial intelligence prediction model using routine primary care data',
          lay: 'a computer program that predicts who is at risk from their health records',
        },
      ),
      approach(
        'social-prescribing',
        'service',
        '8.1',
        {
          text: 'social prescribing through community link workers',
          lay: 'link workers who connect people to local community activities',
        },
        {
          text: 'referral by a link worker to community groups and voluntary services',
          lay: 'help to join local groups and services in the community',
        },
      ),
    ],
    outcomes: [
      element(
        'admissions',
        { text: 'unplanned hospital admissions', lay: 'emergency hospital stays' },
        { text: 'emergency admissions to hospital', lay: 'unplanned trips into hospital' },
      ),
      element(
        'treatment-burden',
        { text: 'treatment burden', lay: 'the effort of managing treatments' },
        {
          text: 'the workload of managing several treatments, measured by the Multimorbidity Treatment Burden Questionnaire',
          lay: 'how hard it is to keep up with treatments',
        },
      ),
      element(
        'quality-of-life',
        { text: 'health-related quality of life', lay: 'quality of life' },
        {
          text: 'quality of life measured with the EQ-5D-5L',
          lay: 'how well people feel their life is going',
        },
      ),
      element(
        'medicines-count',
        {
          text: 'the number of regular medicines prescribed',
          lay: 'how many medicines people take',
        },
        { text: 'the count of repeat prescriptions', lay: 'the number of tablets on repeat' },
      ),
    ],
  },
  {
    key: 'diabetes',
    healthCategory: 'metabolic-endocrine',
    grandChallenges: [],
    multimorbidityChance: 0.25,
    funders: [...nihr, 'Diabetes UK', 'Diabetes UK'],
    backgrounds: [
      'Type 2 diabetes affects over four million people in the UK and is more common, and starts earlier, in South Asian and Black communities.',
      'Poor glycaemic control in type 2 diabetes leads to heart, kidney, eye and foot complications.',
    ],
    layProblems: [
      'Type 2 diabetes is a common condition in which blood sugar levels are too high.',
      'High blood sugar in type 2 diabetes can damage the heart, kidneys, eyes and feet over time.',
    ],
    populations: [
      element(
        't2d-south-asian',
        {
          text: 'South Asian adults with type 2 diabetes',
          lay: 'people of South Asian heritage with type 2 diabetes',
        },
        {
          text: 'people of Indian, Pakistani and Bangladeshi origin living with type 2 diabetes',
          lay: 'South Asian people who have type 2 diabetes',
        },
      ),
      element(
        'prediabetes',
        {
          text: 'adults with non-diabetic hyperglycaemia',
          lay: 'people whose blood sugar is higher than normal but not yet diabetes',
        },
        {
          text: 'people with prediabetes identified in general practice',
          lay: 'people at high risk of developing diabetes',
        },
      ),
      element(
        't2d-young',
        {
          text: 'adults diagnosed with type 2 diabetes before the age of 40',
          lay: 'people who got type 2 diabetes at a young age',
        },
        {
          text: 'people with early-onset type 2 diabetes',
          lay: 'younger adults with type 2 diabetes',
        },
      ),
    ],
    approaches: [
      approach(
        'total-diet-replacement',
        'intervention',
        '6',
        { text: 'a total diet replacement programme', lay: 'a low-calorie meal replacement diet' },
        {
          text: 'a very low calorie diet of soups and shakes followed by food reintroduction',
          lay: 'a diet of soups and shakes for a few weeks, then normal food again',
        },
      ),
      approach(
        'walking',
        'intervention',
        '3.1',
        {
          text: 'a structured walking programme supported by text messages',
          lay: 'a walking plan with text message reminders',
        },
        {
          text: 'text-message-supported brisk walking',
          lay: 'regular brisk walks with reminders sent to your phone',
        },
      ),
      approach(
        'sglt2',
        'intervention',
        '6.1',
        {
          text: 'an SGLT2 inhibitor',
          lay: 'a type of diabetes tablet that makes the body pass sugar in the urine',
        },
        { text: 'dapagliflozin', lay: 'a diabetes medicine called dapagliflozin' },
      ),
      approach(
        'cgm',
        'intervention',
        '6.3',
        {
          text: 'continuous glucose monitoring',
          lay: 'a sensor that measures sugar levels all the time',
        },
        {
          text: 'a wearable glucose sensor giving real-time readings',
          lay: 'a small skin sensor that tracks blood sugar',
        },
      ),
      approach(
        'tailored-education',
        'service',
        '8.1',
        {
          text: 'culturally tailored structured education',
          lay: 'diabetes education designed with and for the community',
        },
        {
          text: 'a diabetes self-management course adapted to the community’s languages and food',
          lay: 'a course about managing diabetes, adapted to people’s culture and diet',
        },
      ),
    ],
    outcomes: [
      element(
        'hba1c',
        { text: 'HbA1c', lay: 'long-term blood sugar levels' },
        {
          text: 'glycated haemoglobin at twelve months',
          lay: 'average blood sugar over recent months',
        },
      ),
      element(
        'remission',
        { text: 'diabetes remission', lay: 'whether diabetes goes into remission' },
        {
          text: 'remission of type 2 diabetes off all glucose-lowering drugs',
          lay: 'blood sugar returning to normal without medicines',
        },
      ),
      element(
        'progression',
        { text: 'progression to type 2 diabetes', lay: 'going on to develop diabetes' },
        { text: 'new diagnoses of type 2 diabetes', lay: 'developing type 2 diabetes' },
      ),
      element(
        'weight',
        { text: 'body weight', lay: 'weight' },
        { text: 'weight loss at one year', lay: 'how much weight people lose' },
      ),
    ],
  },
  {
    key: 'cardiovascular',
    healthCategory: 'cardiovascular',
    grandChallenges: [],
    multimorbidityChance: 0.2,
    funders: [...nihr, 'British Heart Foundation', 'British Heart Foundation'],
    backgrounds: [
      'Heart failure affects nearly a million people in the UK and is a leading cause of emergency admission in later life.',
      'High blood pressure is the largest modifiable risk factor for heart attack and stroke, but control remains poor.',
      'Atrial fibrillation is the commonest heart rhythm problem and raises the risk of stroke five-fold.',
    ],
    layProblems: [
      'Heart and circulation problems are among the commonest reasons people are admitted to hospital.',
      'Conditions such as heart failure and high blood pressure affect many people and can shorten life.',
    ],
    populations: [
      element(
        'heart-failure',
        {
          text: 'adults with heart failure with reduced ejection fraction',
          lay: 'people whose heart pumps weakly',
        },
        { text: 'people living with HFrEF', lay: 'people with a weak heart muscle' },
      ),
      element(
        'hypertension',
        {
          text: 'people with uncontrolled hypertension in primary care',
          lay: 'people whose high blood pressure is not under control',
        },
        {
          text: 'adults whose high blood pressure remains above target despite treatment',
          lay: 'people with high blood pressure that treatment has not brought down',
        },
      ),
      element(
        'atrial-fibrillation',
        {
          text: 'older people with atrial fibrillation',
          lay: 'older people with an irregular heartbeat',
        },
        {
          text: 'adults over 75 with an irregular heart rhythm (AF)',
          lay: 'people over 75 whose heart beats irregularly',
        },
      ),
    ],
    approaches: [
      approach(
        'home-cardiac-rehab',
        'intervention',
        '6.7',
        {
          text: 'home-based cardiac rehabilitation delivered through a smartphone app',
          lay: 'heart rehabilitation at home using a phone app',
        },
        {
          text: 'app-supported cardiac rehab carried out at home',
          lay: 'a phone app that guides heart exercise at home',
        },
        ['heart-failure', 'atrial-fibrillation'],
      ),
      approach(
        'bp-telemonitoring',
        'intervention',
        '6',
        {
          text: 'self-monitoring of blood pressure with telemonitoring',
          lay: 'people measuring their own blood pressure at home and sending the readings',
        },
        {
          text: 'home blood pressure readings shared remotely with the practice team',
          lay: 'checking blood pressure at home and sending the results to the GP surgery',
        },
        ['hypertension', 'heart-failure'],
      ),
      approach(
        'anticoagulation-nurse',
        'service',
        '8.1',
        {
          text: 'a nurse-led anticoagulation optimisation service',
          lay: 'a nurse service that makes sure blood thinners are right for each person',
        },
        {
          text: 'specialist nurse review of blood-thinning treatment',
          lay: 'nurses checking people are on the right blood thinner',
        },
        ['atrial-fibrillation'],
      ),
      approach(
        'ai-ecg',
        'test',
        '4',
        {
          text: 'an artificial intelligence analysis of the electrocardiogram',
          lay: 'a computer program that reads heart tracings',
        },
        {
          text: 'a deep learning algorithm applied to routine 12-lead ECGs',
          lay: 'software that learns to spot patterns in heart traces',
        },
      ),
      approach(
        'colchicine',
        'intervention',
        '6.1',
        {
          text: 'low-dose colchicine',
          lay: 'a low dose of an old anti-inflammatory medicine',
        },
        {
          text: 'colchicine at 500 micrograms daily',
          lay: 'a small daily dose of colchicine, an anti-inflammatory drug',
        },
      ),
    ],
    outcomes: [
      element(
        'hf-admission',
        {
          text: 'hospital admissions for heart failure',
          lay: 'hospital stays because of heart failure',
        },
        {
          text: 'heart failure hospitalisation',
          lay: 'being admitted to hospital with heart failure',
        },
      ),
      element(
        'blood-pressure',
        { text: 'systolic blood pressure at twelve months', lay: 'blood pressure' },
        { text: 'blood pressure control', lay: 'keeping blood pressure down' },
      ),
      element(
        'cv-events',
        {
          text: 'stroke and major adverse cardiovascular events',
          lay: 'strokes and heart attacks',
        },
        {
          text: 'heart attacks, strokes and cardiovascular deaths',
          lay: 'serious heart and circulation problems',
        },
      ),
      element(
        'exercise-capacity',
        {
          text: 'exercise capacity on the six-minute walk test',
          lay: 'how far people can walk in six minutes',
        },
        { text: 'six-minute walking distance', lay: 'how far people can walk' },
      ),
    ],
  },
  {
    key: 'respiratory',
    healthCategory: 'respiratory',
    grandChallenges: [],
    multimorbidityChance: 0.2,
    funders: [...nihr, 'Asthma + Lung UK'],
    backgrounds: [
      'Chronic obstructive pulmonary disease is the second commonest cause of emergency admission in England.',
      'Breathlessness limits daily life for people with long-term lung disease, and access to pulmonary rehabilitation is poor.',
    ],
    layProblems: [
      'Long-term lung conditions such as COPD make people breathless and often lead to hospital stays.',
      'Many people with lung disease struggle with breathlessness every day.',
    ],
    populations: [
      element(
        'copd',
        {
          text: 'people with moderate to severe COPD',
          lay: 'people with COPD, a long-term lung disease',
        },
        {
          text: 'adults living with chronic obstructive pulmonary disease',
          lay: 'people with a lung condition that narrows the airways',
        },
      ),
      element(
        'copd-after-exacerbation',
        {
          text: 'patients discharged after a hospitalised COPD exacerbation',
          lay: 'people leaving hospital after a COPD flare-up',
        },
        {
          text: 'people with chronic obstructive pulmonary disease leaving hospital after a flare-up',
          lay: 'people going home from hospital after a bad chest attack',
        },
      ),
      element(
        'asthma-children',
        {
          text: 'school-age children with poorly controlled asthma',
          lay: 'children whose asthma is not well controlled',
        },
        {
          text: 'children aged 5 to 11 with uncontrolled asthma',
          lay: 'primary school children with troublesome asthma',
        },
      ),
    ],
    approaches: [
      approach(
        'online-pulmonary-rehab',
        'intervention',
        '6.7',
        {
          text: 'online pulmonary rehabilitation',
          lay: 'a lung exercise and education course done online',
        },
        {
          text: 'a web-based pulmonary rehab programme',
          lay: 'breathing and exercise classes over the internet',
        },
        ['copd', 'copd-after-exacerbation'],
      ),
      approach(
        'singing',
        'intervention',
        '6',
        {
          text: 'group singing for lung health',
          lay: 'singing classes for people with lung disease',
        },
        {
          text: 'weekly community singing sessions designed for breathing',
          lay: 'singing groups that help with breathing',
        },
        ['copd', 'copd-after-exacerbation'],
      ),
      approach(
        'inhaler-education',
        'intervention',
        '6',
        {
          text: 'school-based inhaler technique education',
          lay: 'teaching children at school how to use their inhalers',
        },
        {
          text: 'teaching inhaler technique in schools',
          lay: 'lessons at school on using an inhaler properly',
        },
        ['asthma-children'],
      ),
      approach(
        'breath-test',
        'test',
        '4',
        { text: 'exhaled breath analysis', lay: 'a breath test' },
        {
          text: 'a test of volatile compounds in exhaled breath',
          lay: 'a test that checks chemicals in the breath',
        },
      ),
      approach(
        'air-pollution',
        'exposure',
        '2',
        {
          text: 'exposure to traffic-related air pollution',
          lay: 'breathing in traffic fumes',
        },
        {
          text: 'nitrogen dioxide and particulate levels near the home',
          lay: 'how polluted the air is near where people live',
        },
      ),
    ],
    outcomes: [
      element(
        'exacerbations',
        { text: 'the rate of exacerbations', lay: 'how often symptoms flare up' },
        {
          text: 'the number of flare-ups needing steroids or antibiotics',
          lay: 'how many flare-ups people have',
        },
      ),
      element(
        'readmission',
        { text: 'readmission within 90 days', lay: 'going back into hospital within three months' },
        {
          text: 'return to hospital in the three months after discharge',
          lay: 'being readmitted to hospital',
        },
      ),
      element(
        'breathlessness',
        {
          text: 'breathlessness measured by the CRQ dyspnoea domain',
          lay: 'how breathless people feel',
        },
        { text: 'dyspnoea', lay: 'shortness of breath' },
      ),
      element(
        'asthma-control',
        { text: 'asthma control', lay: 'how well asthma is controlled' },
        {
          text: 'symptom control measured with the Asthma Control Questionnaire',
          lay: 'how well symptoms are kept under control',
        },
      ),
    ],
  },
  {
    key: 'mental-health',
    healthCategory: 'mental-health',
    grandChallenges: [],
    multimorbidityChance: 0.15,
    funders: [...nihr, 'MQ Mental Health Research', 'Wellcome'],
    backgrounds: [
      'Depression and anxiety are the commonest mental health problems and often go untreated in older people.',
      'Loneliness and low mood are closely linked, and both increase the risk of poor physical health.',
    ],
    layProblems: [
      'Depression and anxiety are common and can make every part of life harder.',
      'Many people live with low mood or anxiety without getting help.',
    ],
    populations: [
      element(
        'older-depression',
        { text: 'older adults with depression', lay: 'older people who are depressed' },
        { text: 'people over 65 with depressive symptoms', lay: 'older people with low mood' },
      ),
      element(
        'ltc-anxiety',
        {
          text: 'people with long-term physical conditions and anxiety',
          lay: 'people with long-term illnesses who feel anxious',
        },
        {
          text: 'adults with chronic physical illness and co-existing anxiety',
          lay: 'people whose long-term health condition comes with anxiety',
        },
      ),
      element(
        'students',
        { text: 'university students', lay: 'students' },
        { text: 'students in higher education', lay: 'people studying at university' },
      ),
    ],
    approaches: [
      approach(
        'online-cbt',
        'intervention',
        '6.6',
        {
          text: 'internet-delivered cognitive behavioural therapy',
          lay: 'a talking therapy course done online',
        },
        { text: 'online CBT', lay: 'a talking therapy people can do on a computer or phone' },
      ),
      approach(
        'behavioural-activation',
        'intervention',
        '6.6',
        {
          text: 'behavioural activation delivered by telephone',
          lay: 'phone support to help people do more of the things they value',
        },
        {
          text: 'telephone-based behavioural activation',
          lay: 'phone sessions that help people get back to activities they enjoy',
        },
      ),
      approach(
        'group-exercise',
        'intervention',
        '6.7',
        { text: 'a supervised group exercise programme', lay: 'group exercise classes' },
        {
          text: 'structured physical activity sessions in groups',
          lay: 'exercising together in a group',
        },
      ),
      approach(
        'loneliness',
        'exposure',
        '2',
        { text: 'loneliness and social isolation', lay: 'feeling lonely and cut off' },
        { text: 'feeling lonely and having few social contacts', lay: 'loneliness' },
      ),
      approach(
        'peer-support',
        'service',
        '8.1',
        {
          text: 'peer support workers',
          lay: 'support from people who have been through it themselves',
        },
        {
          text: 'support from trained peers with lived experience of mental illness',
          lay: 'help from people who have had similar experiences',
        },
      ),
    ],
    outcomes: [
      element(
        'depression-symptoms',
        { text: 'depressive symptoms on the PHQ-9', lay: 'symptoms of depression' },
        { text: 'depression severity', lay: 'how depressed people feel' },
      ),
      element(
        'anxiety-symptoms',
        { text: 'anxiety symptoms measured with the GAD-7', lay: 'anxiety' },
        { text: 'the severity of anxiety', lay: 'how anxious people feel' },
      ),
      element(
        'wellbeing',
        { text: 'mental wellbeing on the WEMWBS', lay: 'wellbeing' },
        { text: 'wellbeing', lay: 'how well people feel in themselves' },
      ),
      element(
        'crisis',
        { text: 'use of crisis services', lay: 'needing urgent mental health help' },
        { text: 'mental health crisis contacts', lay: 'times people need crisis support' },
      ),
    ],
  },
  {
    key: 'dementia',
    healthCategory: 'neurological',
    grandChallenges: [],
    multimorbidityChance: 0.3,
    funders: [...nihr, 'Alzheimer’s Society', 'Alzheimer’s Research UK'],
    backgrounds: [
      'Around 900,000 people in the UK live with dementia, and the number is expected to rise sharply as the population ages.',
      'Many people with dementia are diagnosed late, and their carers receive little structured support.',
    ],
    layProblems: [
      'Dementia affects memory and thinking and makes daily life harder over time.',
      'People with memory problems and their families often wait a long time for a diagnosis and support.',
    ],
    populations: [
      element(
        'mci',
        { text: 'people with mild cognitive impairment', lay: 'people with mild memory problems' },
        {
          text: 'older adults with early memory and thinking difficulties (MCI)',
          lay: 'older people with early memory problems',
        },
      ),
      element(
        'dementia-home',
        {
          text: 'people with dementia living at home and their carers',
          lay: 'people with dementia who live at home, and the people who look after them',
        },
        {
          text: 'community-dwelling people with dementia and their family caregivers',
          lay: 'people with dementia at home and their families',
        },
      ),
      element(
        'dementia-hospital',
        {
          text: 'people with dementia admitted to hospital',
          lay: 'people with dementia who go into hospital',
        },
        {
          text: 'hospital inpatients with a diagnosis of dementia',
          lay: 'people with dementia staying in hospital',
        },
      ),
    ],
    approaches: [
      approach(
        'ptau-blood-test',
        'test',
        '4',
        {
          text: 'a blood test for phosphorylated tau',
          lay: 'a blood test for a protein linked to Alzheimer’s disease',
        },
        {
          text: 'plasma p-tau217 measurement',
          lay: 'a blood test that looks for signs of Alzheimer’s',
        },
        ['mci', 'dementia-home'],
      ),
      approach(
        'cognitive-stimulation',
        'intervention',
        '6.6',
        {
          text: 'cognitive stimulation therapy',
          lay: 'group activities that keep the mind active',
        },
        {
          text: 'group sessions of structured mental stimulation',
          lay: 'group sessions that exercise memory and thinking',
        },
        ['mci', 'dementia-home'],
      ),
      approach(
        'hearing-aids',
        'intervention',
        '6.3',
        { text: 'hearing aids', lay: 'hearing aids' },
        {
          text: 'the fitting of hearing aids for age-related hearing loss',
          lay: 'getting hearing aids for hearing loss',
        },
        ['mci', 'dementia-home'],
      ),
      approach(
        'carer-coping',
        'service',
        '8.1',
        {
          text: 'a carer support and coping programme',
          lay: 'a course to help family carers cope',
        },
        {
          text: 'a coping skills course for family carers',
          lay: 'sessions that help carers look after themselves',
        },
        ['dementia-home', 'dementia-hospital'],
      ),
      approach(
        'delirium-prevention',
        'service',
        '8.1',
        {
          text: 'a multicomponent delirium prevention programme',
          lay: 'a set of simple steps to prevent sudden confusion in hospital',
        },
        {
          text: 'a ward-based package of measures to prevent acute confusion',
          lay: 'changes on the ward that stop people becoming suddenly confused',
        },
        ['dementia-hospital'],
      ),
    ],
    outcomes: [
      element(
        'cognitive-decline',
        { text: 'cognitive decline over two years', lay: 'changes in memory and thinking' },
        { text: 'change in memory and thinking scores', lay: 'memory and thinking' },
      ),
      element(
        'care-home-move',
        { text: 'moves into a care home', lay: 'moving into a care home' },
        { text: 'admission to long-term residential care', lay: 'going into a care home' },
      ),
      element(
        'carer-burden',
        { text: 'carer burden on the Zarit scale', lay: 'the strain on family carers' },
        { text: 'caregiver strain', lay: 'how stressed carers feel' },
      ),
      element(
        'time-to-diagnosis',
        { text: 'time to diagnosis', lay: 'how long it takes to get a diagnosis' },
        {
          text: 'the interval from first concern to a confirmed diagnosis',
          lay: 'the wait for a diagnosis',
        },
      ),
    ],
  },
  {
    key: 'stroke',
    healthCategory: 'stroke',
    grandChallenges: [],
    multimorbidityChance: 0.2,
    funders: [...nihr, 'Stroke Association'],
    backgrounds: [
      'Stroke is a leading cause of adult disability, and most survivors have lasting problems with movement or communication.',
      'Upper limb weakness persists in more than half of stroke survivors six months after their stroke.',
    ],
    layProblems: [
      'After a stroke many people cannot use their arm or hand as they did before.',
      'A stroke often leaves people with weakness, speech problems or tiredness.',
    ],
    populations: [
      element(
        'early-stroke',
        {
          text: 'patients in the first month after stroke',
          lay: 'people who have had a stroke in the last month',
        },
        {
          text: 'people with acute stroke within 30 days of onset',
          lay: 'people who have recently had a stroke',
        },
      ),
      element(
        'chronic-stroke',
        {
          text: 'stroke survivors more than six months after their stroke',
          lay: 'people who had a stroke over six months ago',
        },
        {
          text: 'people living with the long-term effects of stroke',
          lay: 'people still affected by a stroke long after it happened',
        },
      ),
      element(
        'tia',
        { text: 'people seen in a TIA clinic', lay: 'people who have had a mini-stroke' },
        {
          text: 'patients after a transient ischaemic attack',
          lay: 'people who have had a warning stroke',
        },
      ),
    ],
    approaches: [
      approach(
        'robot-arm',
        'intervention',
        '6.3',
        { text: 'robot-assisted arm training', lay: 'arm exercises with a robotic device' },
        {
          text: 'upper limb rehabilitation using a robotic device',
          lay: 'a robot that helps people practise arm movements',
        },
        ['early-stroke', 'chronic-stroke'],
      ),
      approach(
        'aphasia-app',
        'intervention',
        '6.6',
        {
          text: 'a self-managed speech therapy app for aphasia',
          lay: 'a tablet app to practise speaking',
        },
        {
          text: 'computer-based language therapy practised at home',
          lay: 'speech and language practice on a computer at home',
        },
        ['early-stroke', 'chronic-stroke'],
      ),
      approach(
        'ai-ct',
        'test',
        '4',
        {
          text: 'automated artificial intelligence reading of CT brain scans',
          lay: 'software that reads brain scans',
        },
        {
          text: 'machine learning interpretation of computed tomography of the brain',
          lay: 'a computer program that looks at brain scans',
        },
      ),
      approach(
        'fatigue-programme',
        'intervention',
        '6.6',
        {
          text: 'a post-stroke fatigue management programme',
          lay: 'a course to help manage tiredness after stroke',
        },
        {
          text: 'group sessions to manage tiredness after a stroke',
          lay: 'group sessions that help people cope with tiredness after stroke',
        },
        ['early-stroke', 'chronic-stroke'],
      ),
      approach(
        'polypill',
        'intervention',
        '6.1',
        {
          text: 'a single-pill combination of blood pressure and cholesterol medicines',
          lay: 'one tablet that combines several heart medicines',
        },
        {
          text: 'a polypill containing a statin and two antihypertensives',
          lay: 'a combined pill for blood pressure and cholesterol',
        },
        ['tia', 'chronic-stroke'],
      ),
    ],
    outcomes: [
      element(
        'arm-function',
        {
          text: 'arm function on the Action Research Arm Test',
          lay: 'how well people can use their arm',
        },
        { text: 'upper limb function', lay: 'arm and hand use' },
      ),
      element(
        'word-finding',
        {
          text: 'word-finding ability',
          lay: 'how easily people find the words they want',
        },
        { text: 'naming accuracy', lay: 'being able to name things' },
      ),
      element(
        'post-stroke-fatigue',
        { text: 'post-stroke fatigue', lay: 'tiredness' },
        { text: 'fatigue severity', lay: 'how tired people feel' },
      ),
      element(
        'recurrent-stroke',
        { text: 'recurrent stroke', lay: 'having another stroke' },
        { text: 'further strokes within a year', lay: 'having another stroke within a year' },
      ),
    ],
  },
  {
    key: 'cancer',
    healthCategory: 'cancer',
    grandChallenges: [],
    multimorbidityChance: 0.15,
    funders: [...nihr, 'Cancer Research UK', 'Cancer Research UK'],
    backgrounds: [
      'One in two people in the UK will be diagnosed with cancer in their lifetime, and survival depends heavily on the stage at diagnosis.',
      'Cancer treatment can leave people weak, tired and less able to cope with further therapy.',
    ],
    layProblems: [
      'Cancer and its treatment can leave people weak and tired.',
      'Finding cancer early makes it much more likely that treatment will work.',
    ],
    populations: [
      element(
        'colorectal-surgery',
        {
          text: 'patients awaiting surgery for colorectal cancer',
          lay: 'people waiting for bowel cancer surgery',
        },
        {
          text: 'people scheduled for an operation to remove bowel cancer',
          lay: 'people due to have an operation for bowel cancer',
        },
      ),
      element(
        'breast-chemotherapy',
        {
          text: 'women receiving chemotherapy for early breast cancer',
          lay: 'women having chemotherapy for breast cancer',
        },
        {
          text: 'women treated with chemotherapy for early-stage breast cancer',
          lay: 'women on chemotherapy after a breast cancer diagnosis',
        },
      ),
      element(
        'lung-screening',
        {
          text: 'current and former smokers invited to lung cancer screening',
          lay: 'people who smoke or used to smoke',
        },
        {
          text: 'people with a smoking history eligible for a lung health check',
          lay: 'smokers and ex-smokers offered a lung check',
        },
      ),
      element(
        'older-cancer',
        {
          text: 'older adults starting treatment for cancer',
          lay: 'older people about to start cancer treatment',
        },
        {
          text: 'people over 70 beginning anticancer therapy',
          lay: 'people over 70 starting cancer treatment',
        },
      ),
    ],
    approaches: [
      approach(
        'prehabilitation',
        'intervention',
        '6.7',
        {
          text: 'multimodal prehabilitation with exercise and nutrition',
          lay: 'exercise and diet support before surgery',
        },
        {
          text: 'a pre-operative exercise and nutrition programme',
          lay: 'getting fitter and eating well before an operation',
        },
        ['colorectal-surgery', 'older-cancer'],
      ),
      approach(
        'exercise-during-chemotherapy',
        'intervention',
        '6.7',
        {
          text: 'supervised aerobic exercise during chemotherapy',
          lay: 'exercise sessions during chemotherapy',
        },
        {
          text: 'an endurance training programme alongside chemotherapy',
          lay: 'regular exercise while having chemotherapy',
        },
        ['breast-chemotherapy', 'older-cancer'],
      ),
      approach(
        'ctdna',
        'test',
        '4',
        {
          text: 'a circulating tumour DNA blood test',
          lay: 'a blood test that looks for cancer DNA',
        },
        {
          text: 'liquid biopsy for tumour DNA in plasma',
          lay: 'a blood test that picks up traces of cancer',
        },
      ),
      approach(
        'geriatric-assessment',
        'service',
        '8.1',
        {
          text: 'comprehensive geriatric assessment before treatment',
          lay: 'a full health check by an older people’s specialist before treatment',
        },
        {
          text: 'a full geriatrician-led assessment before cancer treatment',
          lay: 'a detailed check-up by a doctor for older people before treatment starts',
        },
        ['older-cancer', 'colorectal-surgery'],
      ),
      approach(
        'screening-navigation',
        'service',
        '8.1',
        {
          text: 'personalised invitations and navigator support',
          lay: 'personal invitations and a helper to guide people',
        },
        {
          text: 'tailored invitation letters with a patient navigator',
          lay: 'letters written for each person and someone to help them attend',
        },
        ['lung-screening'],
      ),
    ],
    outcomes: [
      element(
        'complications',
        { text: 'postoperative complications', lay: 'problems after the operation' },
        { text: 'complications in the 30 days after surgery', lay: 'complications after surgery' },
      ),
      element(
        'cancer-fatigue',
        { text: 'cancer-related fatigue', lay: 'tiredness caused by cancer' },
        { text: 'fatigue during and after treatment', lay: 'how tired people feel' },
      ),
      element(
        'treatment-completion',
        { text: 'completion of planned treatment', lay: 'finishing the planned treatment' },
        {
          text: 'the proportion completing their treatment as planned',
          lay: 'completing treatment',
        },
      ),
      element(
        'stage-at-diagnosis',
        { text: 'stage at diagnosis', lay: 'how early cancer is found' },
        {
          text: 'the proportion of cancers found at an early stage',
          lay: 'finding cancer early',
        },
      ),
    ],
  },
  {
    key: 'kidney',
    healthCategory: 'renal-urogenital',
    grandChallenges: [],
    multimorbidityChance: 0.35,
    funders: [...nihr, 'Kidney Research UK'],
    backgrounds: [
      'Chronic kidney disease affects around one in ten adults and greatly increases cardiovascular risk.',
      'People on haemodialysis spend many hours a week in treatment and often lose physical function.',
    ],
    layProblems: [
      'When the kidneys stop working well, people can become tired, weak and unwell.',
      'People with kidney disease often have other health problems and spend a lot of time in hospital.',
    ],
    populations: [
      element(
        'ckd',
        {
          text: 'adults with stage 3 to 4 chronic kidney disease',
          lay: 'people with reduced kidney function',
        },
        {
          text: 'people with moderate to advanced CKD',
          lay: 'people whose kidneys are not working well',
        },
      ),
      element(
        'haemodialysis',
        {
          text: 'patients receiving in-centre haemodialysis',
          lay: 'people having dialysis in hospital',
        },
        {
          text: 'people on unit haemodialysis three times a week',
          lay: 'people who go to a unit for kidney dialysis',
        },
      ),
      element(
        'diabetic-kidney-disease',
        {
          text: 'people with diabetic kidney disease',
          lay: 'people with diabetes whose kidneys are affected',
        },
        {
          text: 'adults whose kidney damage is caused by diabetes',
          lay: 'people with kidney problems caused by diabetes',
        },
      ),
      element(
        'transplant',
        {
          text: 'kidney transplant recipients',
          lay: 'people who have had a kidney transplant',
        },
        {
          text: 'adults living with a renal transplant',
          lay: 'people with a transplanted kidney',
        },
      ),
    ],
    approaches: [
      approach(
        'intradialytic-exercise',
        'intervention',
        '6.7',
        {
          text: 'intradialytic exercise on a cycle ergometer',
          lay: 'pedalling exercise during dialysis',
        },
        {
          text: 'cycling exercise during dialysis sessions',
          lay: 'exercise on a bike while on dialysis',
        },
        ['haemodialysis'],
      ),
      approach(
        'bicarbonate',
        'intervention',
        '6.1',
        { text: 'oral sodium bicarbonate', lay: 'bicarbonate tablets' },
        {
          text: 'treatment of metabolic acidosis with sodium bicarbonate tablets',
          lay: 'tablets that reduce acid in the blood',
        },
        ['ckd', 'diabetic-kidney-disease'],
      ),
      approach(
        'home-urine-test',
        'test',
        '4',
        {
          text: 'home urine albumin testing with a smartphone app',
          lay: 'a urine test done at home with a phone',
        },
        {
          text: 'smartphone-read urine dipsticks for albuminuria at home',
          lay: 'a home urine check read by a phone camera',
        },
        ['ckd', 'transplant', 'diabetic-kidney-disease'],
      ),
      approach(
        'virtual-clinic',
        'service',
        '8.1',
        { text: 'a virtual kidney clinic', lay: 'kidney appointments by video' },
        {
          text: 'remote consultations replacing outpatient kidney appointments',
          lay: 'kidney check-ups by video instead of at hospital',
        },
        ['ckd', 'transplant', 'diabetic-kidney-disease'],
      ),
      approach(
        'home-exercise-kidney',
        'intervention',
        '6.7',
        {
          text: 'a home-based walking and muscle-strengthening programme',
          lay: 'walking and simple strength exercises at home',
        },
        {
          text: 'unsupervised home exercise combining walking with resistance bands',
          lay: 'exercising at home with walks and stretchy bands',
        },
        ['ckd', 'transplant', 'diabetic-kidney-disease'],
      ),
    ],
    outcomes: [
      element(
        'egfr-decline',
        { text: 'the rate of decline in eGFR', lay: 'how fast kidney function falls' },
        { text: 'loss of kidney function over two years', lay: 'kidney function' },
      ),
      element(
        'renal-physical-function',
        {
          text: 'physical function on the sit-to-stand test',
          lay: 'how easily people can stand up from a chair',
        },
        {
          text: 'the number of chair rises in sixty seconds',
          lay: 'how many times people can get up from a chair in a minute',
        },
      ),
      element(
        'renal-quality-of-life',
        { text: 'kidney disease quality of life', lay: 'quality of life' },
        { text: 'quality of life on the KDQOL-36', lay: 'how people feel about their lives' },
      ),
      element(
        'renal-admissions',
        { text: 'unplanned hospital admissions', lay: 'emergency hospital stays' },
        { text: 'emergency hospital stays', lay: 'unplanned hospital admissions' },
      ),
    ],
  },
  {
    key: 'joints',
    healthCategory: 'musculoskeletal',
    grandChallenges: [],
    multimorbidityChance: 0.15,
    funders: [...nihr, 'Versus Arthritis', 'Versus Arthritis'],
    backgrounds: [
      'Osteoarthritis is the commonest joint condition, causing pain and disability for around ten million people in the UK.',
      'Persistent musculoskeletal pain is a leading cause of time off work and of GP consultations.',
    ],
    layProblems: [
      'Painful joints and backs stop many people from working and doing the things they enjoy.',
      'Arthritis and long-lasting back pain are among the commonest reasons people see their GP.',
    ],
    populations: [
      element(
        'knee-oa',
        { text: 'people with knee osteoarthritis', lay: 'people with arthritis in the knee' },
        { text: 'adults with painful arthritis of the knee', lay: 'people with painful knees' },
      ),
      element(
        'hip-oa',
        { text: 'people with hip osteoarthritis', lay: 'people with arthritis in the hip' },
        { text: 'adults with painful arthritis of the hip', lay: 'people with painful hips' },
      ),
      element(
        'low-back-pain',
        {
          text: 'adults with persistent low back pain',
          lay: 'people with long-lasting back pain',
        },
        {
          text: 'people with chronic lower back pain',
          lay: 'people whose lower back hurts most days',
        },
      ),
      element(
        'knee-replacement',
        {
          text: 'patients after total knee replacement',
          lay: 'people who have had a knee replacement',
        },
        {
          text: 'people recovering from knee arthroplasty',
          lay: 'people getting over a knee replacement operation',
        },
      ),
    ],
    approaches: [
      approach(
        'digital-physiotherapy',
        'intervention',
        '6.7',
        {
          text: 'a digital physiotherapy app',
          lay: 'an exercise app guided by a physiotherapist',
        },
        {
          text: 'app-delivered exercise therapy with remote physiotherapist support',
          lay: 'exercises on a phone app with help from a physiotherapist',
        },
      ),
      approach(
        'knee-brace',
        'intervention',
        '6.3',
        { text: 'an unloader knee brace', lay: 'a knee brace that takes pressure off the joint' },
        {
          text: 'an off-loading brace for the knee',
          lay: 'a support worn on the knee to ease the load',
        },
        ['knee-oa'],
      ),
      approach(
        'steroid-injection',
        'intervention',
        '6.1',
        {
          text: 'intra-articular corticosteroid injection',
          lay: 'a steroid injection into the joint',
        },
        { text: 'steroid injections into the joint', lay: 'an injection into the joint' },
        ['knee-oa', 'hip-oa'],
      ),
      approach(
        'pain-education',
        'intervention',
        '6.6',
        {
          text: 'pain neuroscience education with graded activity',
          lay: 'learning how pain works and building up activity step by step',
        },
        {
          text: 'education about how pain works combined with gradually increasing activity',
          lay: 'sessions about pain and slowly doing more',
        },
        ['low-back-pain', 'knee-oa', 'hip-oa'],
      ),
      approach(
        'stratified-care',
        'service',
        '8.1',
        {
          text: 'stratified care matched to risk of poor recovery',
          lay: 'care matched to each person’s risk of not getting better',
        },
        {
          text: 'risk-matched treatment pathways in primary care',
          lay: 'treatment chosen according to how likely someone is to recover',
        },
        ['low-back-pain', 'knee-oa', 'hip-oa'],
      ),
    ],
    outcomes: [
      element(
        'joint-pain',
        { text: 'pain on the WOMAC scale', lay: 'pain' },
        { text: 'pain severity', lay: 'how much it hurts' },
      ),
      element(
        'function',
        { text: 'physical function', lay: 'being able to move about and do things' },
        { text: 'day-to-day function', lay: 'managing day-to-day activities' },
      ),
      element(
        'work',
        { text: 'return to work', lay: 'getting back to work' },
        { text: 'days off work', lay: 'time off work' },
      ),
      element(
        'analgesics',
        { text: 'use of painkillers', lay: 'how many painkillers people take' },
        { text: 'opioid prescribing', lay: 'strong painkiller prescriptions' },
      ),
    ],
  },
  {
    key: 'infection',
    healthCategory: 'infection',
    grandChallenges: [],
    multimorbidityChance: 0.1,
    funders: [...nihr, 'Wellcome'],
    backgrounds: [
      'Antimicrobial resistance threatens modern medicine, and much antibiotic prescribing in primary care is unnecessary.',
      'Sepsis causes around 48,000 deaths a year in the UK, and early recognition saves lives.',
    ],
    layProblems: [
      'Taking antibiotics when they are not needed helps bacteria become resistant to them.',
      'Serious infections can become life-threatening very quickly if they are not spotted.',
    ],
    populations: [
      element(
        'primary-care-rti',
        {
          text: 'adults consulting their GP with a respiratory tract infection',
          lay: 'people who see their GP with a chest infection or cough',
        },
        {
          text: 'people presenting to general practice with cough and chest infection symptoms',
          lay: 'people visiting their doctor with a cough',
        },
      ),
      element(
        'care-home-uti',
        {
          text: 'care home residents with suspected urinary tract infection',
          lay: 'people in care homes who may have a water infection',
        },
        {
          text: 'older people in nursing homes thought to have a UTI',
          lay: 'care home residents with a possible bladder infection',
        },
      ),
      element(
        'pneumonia-inpatients',
        {
          text: 'adults admitted to hospital with community-acquired pneumonia',
          lay: 'people in hospital with pneumonia',
        },
        {
          text: 'people hospitalised with a chest infection caught outside hospital',
          lay: 'people admitted to hospital with a serious chest infection',
        },
      ),
      element(
        'ed-sepsis',
        {
          text: 'adults attending the emergency department with suspected sepsis',
          lay: 'people who come to A&E with a possible serious infection',
        },
        {
          text: 'people arriving at A&E with possible blood poisoning',
          lay: 'people in accident and emergency who may have sepsis',
        },
      ),
    ],
    approaches: [
      approach(
        'crp-test',
        'test',
        '4',
        {
          text: 'point-of-care C-reactive protein testing',
          lay: 'a finger-prick blood test for infection',
        },
        {
          text: 'a rapid CRP finger-prick test at the consultation',
          lay: 'a quick blood test during the appointment',
        },
        ['primary-care-rti', 'care-home-uti', 'pneumonia-inpatients'],
      ),
      approach(
        'short-antibiotic-course',
        'intervention',
        '6.1',
        {
          text: 'a short three-day antibiotic course',
          lay: 'three days of antibiotics instead of the usual week',
        },
        {
          text: 'shortened antibiotic treatment lasting three days',
          lay: 'a shorter course of antibiotics',
        },
        ['pneumonia-inpatients', 'care-home-uti', 'primary-care-rti'],
      ),
      approach(
        'delayed-prescribing',
        'service',
        '8.1',
        {
          text: 'delayed antibiotic prescribing',
          lay: 'a back-up prescription to use only if things get worse',
        },
        {
          text: 'back-up prescriptions for antibiotics',
          lay: 'antibiotics to collect only if symptoms do not improve',
        },
        ['primary-care-rti'],
      ),
      approach(
        'sepsis-alert',
        'service',
        '8.1',
        {
          text: 'an electronic sepsis alert in the patient record',
          lay: 'a computer warning that flags possible sepsis',
        },
        {
          text: 'an automated early-warning alert for sepsis in the electronic health record',
          lay: 'an alert in the hospital computer system',
        },
        ['ed-sepsis', 'pneumonia-inpatients'],
      ),
      approach(
        'uti-decision-tool',
        'service',
        '8.1',
        {
          text: 'a decision tool replacing urine dipstick testing',
          lay: 'a checklist instead of a urine dipstick',
        },
        {
          text: 'a symptom-based decision aid used instead of dipsticks',
          lay: 'a list of symptoms to check instead of a urine test',
        },
        ['care-home-uti'],
      ),
      approach(
        'hydration',
        'intervention',
        '3',
        {
          text: 'a structured hydration programme',
          lay: 'helping residents drink more during the day',
        },
        {
          text: 'scheduled drinks rounds to increase fluid intake',
          lay: 'regular drinks offered through the day',
        },
        ['care-home-uti'],
      ),
    ],
    outcomes: [
      element(
        'antibiotic-prescribing',
        { text: 'antibiotic prescribing', lay: 'how many antibiotics are prescribed' },
        { text: 'the number of antibiotic courses prescribed', lay: 'antibiotic use' },
      ),
      element(
        'time-to-antibiotics',
        { text: 'time to first antibiotic dose', lay: 'how quickly antibiotics are given' },
        { text: 'the delay before antibiotics are given', lay: 'waiting time for antibiotics' },
      ),
      element(
        'infection-mortality',
        { text: '30-day mortality', lay: 'deaths within a month' },
        { text: 'death within 30 days', lay: 'survival' },
      ),
      element(
        'infection-admissions',
        { text: 'hospital admission', lay: 'going into hospital' },
        { text: 'admissions to hospital with infection', lay: 'hospital stays for infection' },
      ),
    ],
  },
  {
    key: 'maternity',
    healthCategory: 'reproductive-health',
    grandChallenges: [],
    multimorbidityChance: 0.05,
    funders: [...nihr, 'Tommy’s', 'Wellbeing of Women'],
    backgrounds: [
      'Gestational diabetes affects about one in twenty pregnancies in England and raises the lifelong risk of type 2 diabetes.',
      'Preterm birth remains the leading cause of death and disability in young children.',
    ],
    layProblems: [
      'Problems during pregnancy can affect the health of both mother and baby for years.',
      'Babies born too early are more likely to have health problems as they grow up.',
    ],
    populations: [
      element(
        'gdm',
        { text: 'women with gestational diabetes', lay: 'women who develop diabetes in pregnancy' },
        {
          text: 'pregnant women diagnosed with diabetes of pregnancy',
          lay: 'pregnant women with high blood sugar',
        },
      ),
      element(
        'preterm-risk',
        {
          text: 'pregnant women at high risk of preterm birth',
          lay: 'pregnant women whose baby may be born early',
        },
        {
          text: 'women with a singleton pregnancy at increased risk of delivering early',
          lay: 'women at risk of an early birth',
        },
      ),
      element(
        'postnatal',
        {
          text: 'women in the first year after giving birth',
          lay: 'new mothers',
        },
        { text: 'mothers in the postnatal year', lay: 'women who have recently had a baby' },
      ),
    ],
    approaches: [
      approach(
        'pessary',
        'intervention',
        '6.3',
        { text: 'a cervical pessary', lay: 'a small silicone ring placed around the cervix' },
        {
          text: 'an Arabin pessary inserted in mid-pregnancy',
          lay: 'a soft ring fitted during pregnancy to support the cervix',
        },
        ['preterm-risk'],
      ),
      approach(
        'fibronectin',
        'test',
        '4',
        { text: 'quantitative fetal fibronectin testing', lay: 'a swab test in pregnancy' },
        {
          text: 'a vaginal swab test measuring fetal fibronectin',
          lay: 'a simple swab that helps predict early labour',
        },
        ['preterm-risk'],
      ),
      approach(
        'postnatal-lifestyle',
        'intervention',
        '3.1',
        {
          text: 'a postnatal diet and activity programme',
          lay: 'support with healthy eating and activity after birth',
        },
        {
          text: 'lifestyle coaching on food and exercise after delivery',
          lay: 'coaching on eating well and keeping active after the baby arrives',
        },
        ['gdm', 'postnatal'],
      ),
      approach(
        'metformin-pregnancy',
        'intervention',
        '6.1',
        { text: 'metformin', lay: 'a diabetes tablet called metformin' },
        {
          text: 'metformin instead of insulin',
          lay: 'tablets instead of insulin injections',
        },
        ['gdm'],
      ),
      approach(
        'vitamin-d-pregnancy',
        'intervention',
        '3',
        {
          text: 'vitamin D supplements in pregnancy',
          lay: 'vitamin D tablets while pregnant',
        },
        {
          text: 'daily cholecalciferol from early pregnancy',
          lay: 'a daily vitamin D tablet from early in pregnancy',
        },
      ),
      approach(
        'perinatal-mental-health',
        'service',
        '8.1',
        {
          text: 'a specialist perinatal mental health outreach service',
          lay: 'a mental health team for new and expectant mothers',
        },
        {
          text: 'community outreach by a perinatal mental health team',
          lay: 'mental health support at home around the time of birth',
        },
        ['postnatal'],
      ),
    ],
    outcomes: [
      element(
        'birth-outcomes',
        { text: 'neonatal outcomes', lay: 'the baby’s health' },
        { text: 'the health of the newborn', lay: 'how well the baby is' },
      ),
      element(
        'preterm-delivery',
        { text: 'birth before 37 weeks', lay: 'being born early' },
        { text: 'preterm delivery', lay: 'early birth' },
      ),
      element(
        'postnatal-depression',
        { text: 'postnatal depression', lay: 'depression after birth' },
        { text: 'depressive symptoms after birth', lay: 'low mood after having a baby' },
      ),
      element(
        'later-diabetes',
        {
          text: 'later type 2 diabetes',
          lay: 'developing diabetes later in life',
        },
        { text: 'progression to type 2 diabetes', lay: 'going on to get diabetes' },
      ),
    ],
  },
];
