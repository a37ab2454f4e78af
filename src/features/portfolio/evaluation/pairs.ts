/**
 * An evaluation set for the duplicate detector, written by hand and kept apart from the sample
 * portfolio (../sample-data/) that the thesaurus and weights were tuned on.
 *
 * Each group is one research topic: a base project, and where written, a near duplicate (the same
 * question, people, intervention or exposure and outcome, rewritten in other words by another
 * centre) and a related-but-distinct project (same area, a different question). Some groups are a
 * base project alone. Every near-duplicate pair is labelled; every other pair is not a duplicate.
 *
 * The text is invented for evaluation and describes no real project; the investigators' names are
 * invented too. Groups are split by a rule fixed before any result was seen: every group whose
 * number leaves remainder 1 when divided by 3 (g01, g04, ...) is for development (weights and
 * threshold may be tuned on it); the others are held out and only ever measured.
 */
import type { ProjectForSimilarity } from '../similarity.js';

export type EvaluationRole = 'base' | 'near-duplicate' | 'related';
export type EvaluationSplit = 'development' | 'held-out';
export type PairRelation = 'near-duplicate' | 'related' | 'unrelated';

export interface EvaluationProject extends ProjectForSimilarity {
  group: string;
  /** A broad area; projects of different groups in one area count as related, not unrelated. */
  area: string;
  role: EvaluationRole;
  split: EvaluationSplit;
}

interface Entry {
  role: EvaluationRole;
  title: string;
  lay: string;
  abstract: string;
  category: string;
  team: string[];
  challenges?: ('sarcopenia' | 'multimorbidity')[];
}

interface Group {
  area: string;
  entries: Entry[];
}

const groups: Group[] = [
  // g01
  {
    area: 'sarcopenia',
    entries: [
      {
        role: 'base',
        title:
          'Progressive resistance exercise to reverse sarcopenia in community-dwelling older adults: the STRONGER randomised trial',
        lay: 'As people age they lose muscle, which makes it harder to climb stairs, carry shopping and stay independent. We will test whether twice-weekly strength exercise classes in local gyms can rebuild muscle strength in older people who have lost a lot of muscle.',
        abstract:
          'Sarcopenia, the age-related decline in skeletal muscle mass and function, is common in people over 65 and predicts disability, hospitalisation and death. Progressive resistance training is the most promising non-drug treatment but has mostly been tested in small, short studies of healthy volunteers. We will randomise 320 community-dwelling adults aged 65 years and over who meet EWGSOP2 criteria for sarcopenia to a 16-week supervised progressive resistance training programme, delivered twice weekly in leisure centres, or to a healthy-ageing advice leaflet. The primary outcome is knee extensor strength at 16 weeks; secondary outcomes are handgrip strength, Short Physical Performance Battery score, appendicular lean mass by DXA and adherence. Participants will be followed to 12 months to test whether gains are maintained.',
        category: 'musculoskeletal',
        team: ['Dr Ffion Alderwick', 'Prof Tomasz Brindlecombe'],
        challenges: ['sarcopenia'],
      },
      {
        role: 'near-duplicate',
        title:
          'Can lifting weights restore leg power in people over 65 with age-related muscle loss? A multicentre trial',
        lay: 'Many older people lose muscle as they age, and this can take away their independence. We want to see whether going to a local gym twice a week to lift weights, with an instructor, makes the legs stronger again.',
        abstract:
          'Losing muscle bulk and power as we grow older leaves many seniors frail and dependent. Weight-lifting programmes look helpful, yet the studies so far have been small and brief and have rarely enrolled people who actually have the condition. This study will allocate, by chance, 300 people aged over 65 living at home and diagnosed with sarcopenia using the European consensus definition to either four months of instructor-led weight machine sessions twice a week at community gyms, or written advice on healthy ageing. Our main measure is the maximum force of the thigh muscles after four months. We will also record grip force, balance, walking and chair-rise performance, lean tissue on body scans, and how many sessions people attend, and repeat the measures at one year.',
        category: 'musculoskeletal',
        team: ['Dr Priya Wendlebury', 'Dr Callum Oxhey'],
        challenges: ['sarcopenia'],
      },
      {
        role: 'related',
        title:
          'Leucine-enriched whey protein supplementation for older adults with sarcopenia: a double-blind placebo-controlled trial',
        lay: 'Older muscles do not respond as well to the protein in food. We will test whether a daily protein drink with extra leucine, a building block of protein, helps older people with weak muscles become stronger.',
        abstract:
          'Sarcopenia affects up to a fifth of adults over 65 and has no licensed treatment. Ageing muscle responds poorly to dietary protein, a phenomenon called anabolic resistance, and the amino acid leucine may overcome it. We will randomise 260 community-dwelling adults aged 65 and over with sarcopenia to 20 g of leucine-enriched whey protein twice daily or an isocaloric placebo drink for 24 weeks, with no change to their usual activity. The primary outcome is knee extensor strength; secondary outcomes are appendicular lean mass, handgrip strength, Short Physical Performance Battery score and gastrointestinal tolerability. A mechanistic sub-study will take muscle biopsies to measure muscle protein synthesis before and after supplementation.',
        category: 'musculoskeletal',
        team: ['Prof Tomasz Brindlecombe', 'Dr Aoife Hartsholme'],
        challenges: ['sarcopenia'],
      },
    ],
  },
  // g02
  {
    area: 'sarcopenia',
    entries: [
      {
        role: 'base',
        title:
          'Diagnostic accuracy of calf circumference and the SARC-F questionnaire for case-finding sarcopenia in general practice',
        lay: 'Muscle loss in older age is rarely picked up by GPs because the full tests need special equipment. We will check how well a five-question form and a tape-measure around the calf can find people who have it.',
        abstract:
          'Sarcopenia is under-diagnosed in primary care because confirmation requires dynamometry and body composition imaging that few practices have. Two simple tools, the five-item SARC-F questionnaire and calf circumference, have been proposed for case-finding, but their accuracy in UK general practice is unknown. In 14 practices we will invite 1,100 patients aged 70 and over to complete SARC-F and have calf circumference measured by a healthcare assistant, followed by a reference assessment of grip strength, DXA-derived appendicular lean mass and gait speed in a research clinic. We will estimate sensitivity, specificity and the area under the ROC curve for each tool and their combination against EWGSOP2 criteria, and the number needed to screen.',
        category: 'musculoskeletal',
        team: ['Dr Ruth Kellingworth', 'Dr Samir Ashbourne-Patel'],
        challenges: ['sarcopenia'],
      },
      {
        role: 'near-duplicate',
        title:
          'Simple bedside checks to spot low muscle mass and strength in GP surgeries: evaluating a short questionnaire and leg measurement',
        lay: 'Doctors in the community have no quick way to tell if an older person is losing too much muscle. We will see whether answering five questions and measuring the lower leg can pick this up as well as a full hospital assessment.',
        abstract:
          'Age-related loss of muscle is seldom recognised by family doctors, largely because the recommended work-up needs grip meters and body scans. A brief self-completed questionnaire about strength, walking, rising from a chair, climbing stairs and falls, together with measurement of the widest part of the lower leg, could act as a first filter. Across several Midlands surgeries, around 1,000 patients in their seventies and older will answer the questionnaire and have the leg measured, then attend a research assessment including hand dynamometry, a DXA scan and a timed walk. We will compare the simple checks against the European working group definition and report how often they correctly identify, or correctly rule out, the condition.',
        category: 'musculoskeletal',
        team: ['Prof Gwen Tallowmere', 'Dr Ikenna Fothergale'],
      },
      {
        role: 'related',
        title:
          'Point-of-care ultrasound of the quadriceps to identify sarcopenia in older people admitted to hospital',
        lay: 'Older people in hospital cannot easily go for a body scan. We will test whether a quick ultrasound scan of the thigh at the bedside can tell whether someone has lost a lot of muscle.',
        abstract:
          'Identifying sarcopenia in hospital matters because it predicts poor recovery, yet DXA is impractical for acutely unwell patients. Ultrasound measurement of rectus femoris cross-sectional area and quadriceps thickness is portable and quick. We will recruit 400 patients aged 75 and over within 48 hours of emergency admission to two acute medical units. Trained nurses will perform bedside ultrasound, and participants will have bioimpedance, grip strength and, when well enough, DXA before discharge. We will derive cut-offs for low muscle quantity, test inter-rater reliability, and examine whether ultrasound measures predict length of stay, discharge destination and readmission at 90 days.',
        category: 'musculoskeletal',
        team: ['Dr Ruth Kellingworth', 'Dr Hamza Underbank'],
        challenges: ['sarcopenia'],
      },
    ],
  },
  // g03
  {
    area: 'sarcopenia',
    entries: [
      {
        role: 'base',
        title:
          'Get up, get dressed, get moving: a ward-based mobility programme to prevent hospital-acquired deconditioning in older inpatients',
        lay: 'Older people often spend most of their hospital stay in bed and leave weaker than when they came in. We will test whether encouraging patients to get dressed and walk every day on the ward helps them keep their strength and go home sooner.',
        abstract:
          'Older adults spend up to 80% of an acute hospital stay lying in bed, and a third leave hospital less able to perform daily activities than before admission. Bed rest accelerates loss of muscle strength. We will conduct a stepped-wedge cluster randomised trial across 12 medicine-for-older-people wards in which nursing and therapy teams introduce a structured mobility programme: patients are helped to dress in their own clothes, sit out for meals and walk three times a day, with progress displayed at the bedside. The primary outcome is change in the Barthel Index between admission and discharge; secondary outcomes are length of stay, falls on the ward, discharge to a care home and readmission within 30 days.',
        category: 'generic-health-relevance',
        team: ['Dr Lowri Penhallow', 'Prof Marcus Eddlestone'],
        challenges: ['sarcopenia'],
      },
      {
        role: 'related',
        title:
          'Bed rest and loss of thigh muscle in older people admitted with pneumonia: a prospective cohort study',
        lay: 'We want to measure how quickly the thigh muscles shrink when older people are in hospital with a chest infection, and whether this affects how well they recover.',
        abstract:
          'The rate of skeletal muscle loss during acute illness in older people is poorly characterised. We will recruit 150 adults aged 70 and over admitted with community-acquired pneumonia and measure quadriceps thickness by ultrasound, grip strength and physical activity by thigh-worn accelerometer on days 1, 3, 5 and at discharge. Blood samples will be analysed for inflammatory markers. We will model the relationship between time spent lying down, systemic inflammation and the rate of muscle loss, and test whether muscle loss predicts functional decline and new care needs 3 months after discharge. The findings will inform the timing and target of interventions to protect muscle during admission.',
        category: 'musculoskeletal',
        team: ['Prof Marcus Eddlestone', 'Dr Nia Corrowdale'],
        challenges: ['sarcopenia'],
      },
    ],
  },
  // g04
  {
    area: 'multimorbidity',
    entries: [
      {
        role: 'base',
        title:
          'Patient priorities care: aligning treatment with what matters most to older people with multiple long-term conditions',
        lay: 'People with several long-term conditions often receive care that follows the rules for each illness separately. We will test a way for GPs and nurses to find out what matters most to each person and plan their care around it.',
        abstract:
          'Older adults with multiple long-term conditions receive care organised around single-disease guidelines, which can produce burdensome, conflicting treatment. Patient priorities care is a structured approach in which a facilitator helps patients identify their health outcome goals and care preferences, and clinicians then align medicines, tests and referrals with those priorities. We will conduct a cluster randomised trial in 24 general practices, enrolling 720 patients aged 65 and over with three or more long-term conditions. Intervention practices will receive training and facilitation. The primary outcome is treatment burden measured with the Multimorbidity Treatment Burden Questionnaire at 12 months; secondary outcomes include number of medicines, unwanted care, quality of life and primary care workload.',
        category: 'generic-health-relevance',
        team: ['Dr Imogen Saltcoats', 'Prof Declan Wyvernhill'],
        challenges: ['multimorbidity'],
      },
      {
        role: 'near-duplicate',
        title:
          'What matters to you? Goal-oriented care planning for people living with several chronic illnesses in general practice',
        lay: 'Living with many health problems can mean lots of appointments, tests and tablets that do not always fit what the person wants. We will test whether planning care around each person’s own goals makes looking after their health less of a burden.',
        abstract:
          'For people with numerous chronic illnesses, care that follows each disease pathway separately often adds up to an unmanageable workload of appointments, monitoring and tablets. Goal-oriented care starts from the individual’s own objectives and preferences and then adjusts the whole treatment plan to match. In a trial randomising GP practices, rather than individuals, around 700 people over 65 living with at least three ongoing conditions will take part. In practices allocated to the new approach, a trained facilitator will hold goal-setting conversations and the clinical team will review prescriptions and investigations in light of them. We will compare the effort that managing their health demands of patients, measured by a validated burden questionnaire after a year, along with medication counts, wellbeing and staff time.',
        category: 'generic-health-relevance',
        team: ['Dr Yusuf Gannaway', 'Dr Harriet Lowesby'],
        challenges: ['multimorbidity'],
      },
      {
        role: 'related',
        title:
          'Group clinics for people with multiple long-term conditions in socioeconomically deprived areas: a feasibility study',
        lay: 'In poorer areas, people tend to develop several long-term illnesses at a younger age. We will see whether meeting in small groups with a nurse and GP, instead of separate appointments, is possible and acceptable.',
        abstract:
          'Multimorbidity develops 10 to 15 years earlier in the most deprived communities, where consultations are short and continuity is poor. Group clinics, in which eight to ten patients meet with a clinician and facilitator for 90 minutes, may offer more time, peer support and integrated review of several conditions. We will run a feasibility study in six practices in the most deprived decile of the Midlands, recruiting 80 adults aged 40 to 75 with two or more long-term conditions. We will assess recruitment, attendance, acceptability through interviews, fidelity, and candidate outcomes including patient activation and quality of life, to inform a definitive cluster randomised trial.',
        category: 'generic-health-relevance',
        team: ['Prof Declan Wyvernhill', 'Dr Amara Scullthorpe'],
        challenges: ['multimorbidity'],
      },
    ],
  },
  // g05
  {
    area: 'multimorbidity',
    entries: [
      {
        role: 'base',
        title:
          'Identifying clusters of co-occurring long-term conditions and their trajectories using linked primary and secondary care records',
        lay: 'Some illnesses tend to occur together. Using anonymised health records, we will find common combinations of long-term conditions and see how they change as people get older.',
        abstract:
          'Understanding which long-term conditions cluster together, and in what order they accumulate, could guide prevention and service design for multimorbidity. We will use linked, de-identified primary care and hospital episode records for 1.8 million adults in the Midlands from 2005 to 2024, with 62 long-term conditions defined by validated code lists. Latent class analysis and network methods will identify clusters, and multistate models will describe transitions between clusters over time, stratified by age, sex, ethnicity and deprivation. We will estimate associations of each cluster and trajectory with mortality, emergency admission and polypharmacy. Patients and the public will help interpret clusters and prioritise findings.',
        category: 'generic-health-relevance',
        team: ['Dr Oskar Venniford', 'Prof Leah Tamworthy-Jones'],
        challenges: ['multimorbidity'],
      },
      {
        role: 'near-duplicate',
        title:
          'How do diseases group together over time? Mapping combinations of chronic illnesses in anonymised GP and hospital data',
        lay: 'We will study millions of anonymous patient records to discover which long-lasting health problems usually come together and the order in which people tend to develop them.',
        abstract:
          'People rarely acquire chronic diseases one at a time, but we know little about the typical combinations or sequences in which they build up. This project will analyse pseudonymised electronic records from general practices linked to hospital admissions, covering nearly two million adult residents of the region across two decades. Around sixty chronic conditions will be identified from standard code lists. Using unsupervised statistical learning we will group patients by their disease profiles, then follow how people move from one profile to another as they age. We will explore differences by ethnic group and area deprivation and relate each profile and pathway to death, unplanned hospital stays and the number of medicines prescribed.',
        category: 'generic-health-relevance',
        team: ['Dr Bethan Quarrington', 'Dr Rahul Fenwright'],
        challenges: ['multimorbidity'],
      },
      {
        role: 'related',
        title:
          'Machine learning to predict emergency admission in people with multimorbidity from routine primary care data',
        lay: 'We will build a computer tool that uses information already held by GP practices to spot which people with several long-term conditions are most likely to need an emergency hospital stay soon.',
        abstract:
          'Emergency admissions are concentrated among people with multimorbidity, but existing risk tools perform poorly in this group. Using linked primary care and hospital data for 600,000 adults with two or more long-term conditions, we will develop and externally validate models predicting emergency admission within 12 months, comparing regularised regression with gradient boosting. Predictors will include conditions, prescriptions, test results and consultation patterns. We will assess discrimination, calibration and fairness across ethnic groups and deprivation quintiles, and work with practices to design how risk scores could be displayed and acted upon. The model will be made available for independent evaluation.',
        category: 'generic-health-relevance',
        team: ['Dr Oskar Venniford', 'Dr Femi Ashcombe'],
        challenges: ['multimorbidity'],
      },
    ],
  },
  // g06
  {
    area: 'multimorbidity',
    entries: [
      {
        role: 'base',
        title:
          'Reducing anticholinergic medicine burden in care home residents: a cluster randomised trial of pharmacist-led review',
        lay: 'Many medicines used by older people have side effects that can cause confusion, falls and constipation. We will test whether pharmacists reviewing and reducing these medicines for people in care homes makes them safer.',
        abstract:
          'Medicines with anticholinergic activity are widely prescribed to care home residents and are associated with cognitive impairment, falls and mortality. Pharmacist-led medication review targeting anticholinergic burden could reduce harm, but evidence from randomised trials is lacking. We will randomise 60 care homes to a pharmacist-led review, in which an independent prescriber pharmacist uses a validated scale to identify and deprescribe anticholinergic medicines with the resident’s GP, or to usual care. Around 900 residents aged 65 and over will be included. The primary outcome is falls rate over 6 months; secondary outcomes are anticholinergic burden score, cognition, hospital admissions, mortality and cost.',
        category: 'generic-health-relevance',
        team: ['Prof Sunita Wrexhall', 'Dr Gareth Mobberley'],
        challenges: ['multimorbidity'],
      },
      {
        role: 'near-duplicate',
        title:
          'Cutting back on drugs with anticholinergic effects for people living in nursing homes: pharmacist review randomised by home',
        lay: 'Some common tablets can leave older people muddled and unsteady. We will see whether a specialist pharmacist checking each resident’s medicines, and stopping those that are not needed, prevents falls in nursing homes.',
        abstract:
          'Residents of nursing and residential homes frequently take several drugs that block acetylcholine, a combination linked to confusion, falling and death. A structured review by a prescribing pharmacist, working with the GP to withdraw or switch these drugs, is a plausible way to reduce harm. We will allocate homes at random, about sixty in total, either to receive the pharmacist review or to continue as normal, including roughly nine hundred older residents. The pharmacist will score each resident’s cumulative anticholinergic load and recommend reductions. Our main outcome is the number of falls over six months, with cognitive function, hospitalisation, deaths, the load score and NHS costs as further outcomes.',
        category: 'generic-health-relevance',
        team: ['Dr Eleri Throssington', 'Dr Gareth Mobberley'],
        challenges: ['multimorbidity'],
      },
      {
        role: 'related',
        title:
          'Deprescribing preventive medicines for people in their last year of life: a qualitative and feasibility study',
        lay: 'Towards the end of life, some tablets meant to prevent future illness may no longer help. We will talk to patients, families and doctors about stopping them and test a way to do it well.',
        abstract:
          'Preventive medicines such as statins and bisphosphonates are often continued until death, adding pill burden with little benefit. Discussions about stopping them are difficult and rarely happen. We will interview 30 patients with a life expectancy under a year, their carers and 20 clinicians about deprescribing. Findings will shape a conversation guide and decision aid, which we will test in a feasibility study of 60 patients in hospices and general practices, measuring recruitment, acceptability, number of medicines stopped and any symptoms on stopping. The study will prepare for a trial of structured deprescribing in palliative care.',
        category: 'generic-health-relevance',
        team: ['Prof Sunita Wrexhall', 'Dr Moira Dunstanley'],
        challenges: ['multimorbidity'],
      },
    ],
  },
  // g07
  {
    area: 'falls',
    entries: [
      {
        role: 'base',
        title:
          'Home hazard assessment and modification by occupational therapists to prevent falls after hospital discharge',
        lay: 'Many older people fall in the weeks after they come home from hospital. We will test whether a visit from an occupational therapist, who checks the home and fixes hazards such as loose rugs and poor lighting, reduces falls.',
        abstract:
          'Older people are at high risk of falls in the first months after discharge from hospital, and environmental hazards contribute to many falls at home. Occupational therapist-led home hazard assessment and modification reduces falls in high-risk groups in some studies but has not been tested in the UK post-discharge population. We will randomise 430 patients aged 70 and over discharged home from medical wards after an admission involving a fall or mobility problem to a home visit within two weeks, with hazard removal, minor adaptations and equipment, or to usual care. The primary outcome is the rate of falls over 12 months recorded by monthly diaries; secondary outcomes are injurious falls, readmission, fear of falling and cost-effectiveness.',
        category: 'injuries-accidents',
        team: ['Dr Cerys Applegarth', 'Prof Nikhil Brackenfold'],
      },
      {
        role: 'near-duplicate',
        title:
          'Making homes safer after a hospital stay: OT visits to stop older people tripping and falling',
        lay: 'When older people go home from hospital, things like rugs, stairs and dim lights can cause trips. We want to know if an occupational therapist visiting soon after discharge and putting things right means fewer falls over the following year.',
        abstract:
          'The weeks following a hospital stay are a particularly dangerous time for falling among frail elderly people, and trip hazards in the home play a large part. This study will test whether an early home visit by an occupational therapist, who identifies dangers, removes clutter, fits rails and improves lighting, reduces falling. About 400 patients over 70 who are going home after an inpatient episode in which a fall or unsteadiness featured will be allocated at random to receive the visit or standard discharge arrangements. Participants will keep monthly falls calendars for a year, which will provide the main outcome, the number of falls. We will also examine falls causing injury, return to hospital, confidence in walking and value for money.',
        category: 'generic-health-relevance',
        team: ['Dr Kwame Oldcastle', 'Dr Siobhan Feltwell'],
      },
      {
        role: 'related',
        title:
          'Home-based strength and balance exercise to prevent falls in the year after hospital discharge',
        lay: 'After a hospital stay, older people can be weak and unsteady. We will test whether a physiotherapist-led exercise programme at home in the months after leaving hospital reduces falls.',
        abstract:
          'Falls are common after discharge from hospital, and muscle weakness and poor balance are major modifiable causes. Progressive home exercise programmes reduce falls in community-dwelling older people, but uptake and benefit after hospitalisation are uncertain. We will randomise 500 adults aged 70 and over discharged from medical wards to a 6-month home exercise programme with six physiotherapy visits and telephone support, or usual care. The primary outcome is falls rate over 12 months; secondary outcomes include physical performance, fear of falling, readmission and health-related quality of life, with an economic evaluation.',
        category: 'injuries-accidents',
        team: ['Prof Nikhil Brackenfold', 'Dr Laura Stickney'],
      },
    ],
  },
  // g08
  {
    area: 'bone',
    entries: [
      {
        role: 'base',
        title:
          'Annual zoledronate infusion after hip fracture to prevent subsequent fractures: a pragmatic randomised trial',
        lay: 'People who break a hip are likely to break another bone. A yearly drip of a bone-strengthening medicine could prevent this, but it is often not given. We will test whether giving it routinely before people leave hospital prevents further broken bones.',
        abstract:
          'After a hip fracture, the risk of a further fragility fracture is high, yet fewer than half of patients start osteoporosis treatment. Intravenous zoledronic acid given once a year avoids adherence problems with oral bisphosphonates. We will conduct a pragmatic randomised trial in 16 orthogeriatric services, enrolling 1,400 patients aged 60 and over with a low-trauma hip fracture. Participants will receive zoledronic acid 5 mg before discharge and annually for two further years, or usual care in which treatment is left to the GP. The primary outcome is any new clinical fracture over three years; secondary outcomes include mortality, acute-phase reactions, renal function, adherence and cost-effectiveness.',
        category: 'musculoskeletal',
        team: ['Prof Delyth Marchbank', 'Dr Arjun Holloway-Price'],
      },
      {
        role: 'near-duplicate',
        title:
          'A once-yearly intravenous bisphosphonate for people who have broken a hip: does it prevent the next break?',
        lay: 'Breaking a hip makes breaking another bone more likely, and many people never get bone treatment afterwards. We will see if a yearly bone-protecting drip, started while people are still on the ward, prevents new fractures.',
        abstract:
          'Secondary fracture prevention after a broken hip is poorly delivered: most patients leave hospital without bone protection, and oral tablets are often stopped. A drip given once every twelve months could close this gap. In this trial, more than a thousand older adults who have sustained a hip fracture from a fall from standing height will be allocated by chance either to an infusion of zoledronic acid administered by the ward team before they go home and repeated yearly, or to standard care with advice to the family doctor. Follow-up will continue for three years, with new fractures of any bone as the principal endpoint. Deaths, flu-like reactions, kidney function and the economics of the approach will also be assessed.',
        category: 'musculoskeletal',
        team: ['Dr Tegan Bramwell', 'Dr Olu Featherstonehaugh'],
      },
    ],
  },
  // g09
  {
    area: 'diabetes',
    entries: [
      {
        role: 'base',
        title:
          'A smartphone-delivered low-carbohydrate diet programme for adults with type 2 diabetes: effects on HbA1c',
        lay: 'Eating fewer starchy and sugary foods can help control type 2 diabetes, but people need support to keep it up. We will test whether a phone app that coaches people to eat fewer carbohydrates lowers their blood sugar.',
        abstract:
          'Low-carbohydrate diets improve glycaemic control and weight in type 2 diabetes, but sustained support is costly to deliver face to face. We will randomise 480 adults with type 2 diabetes and HbA1c of 58 mmol/mol or more, recruited through 30 general practices, to a 12-month smartphone programme providing structured low-carbohydrate education, meal planning, weekly coaching messages and peer forums, or to usual care with standard dietary advice. The primary outcome is HbA1c at 12 months; secondary outcomes include weight, blood pressure, lipids, diabetes medication changes, hypoglycaemia, engagement with the app and cost per QALY.',
        category: 'metabolic-endocrine',
        team: ['Dr Mariam Stallworth', 'Prof Euan Blackmoor'],
      },
      {
        role: 'near-duplicate',
        title:
          'Cutting carbs with an app: can digital dietary coaching bring down blood sugar in people living with type 2 diabetes?',
        lay: 'Cutting down on bread, pasta, rice and sugar can improve diabetes, but it is hard to stick to. We want to find out if a mobile phone programme with regular coaching can help people do this and lower their blood sugar over a year.',
        abstract:
          'Diets restricting starches and sugars can lower glycated haemoglobin in people with type 2 diabetes, but the face-to-face support needed to sustain them is rarely available in the NHS. This trial will compare a mobile application offering carbohydrate-reduction lessons, recipes, tailored nudges, weekly contact with a coach and an online community against normal care, in about 450 people whose diabetes is above target, recruited from family doctor practices. Participants will be assigned at random and followed for a year. The main result will be glycated haemoglobin after twelve months, with body weight, cholesterol, blood pressure, changes to diabetes tablets, low-sugar episodes and use of the app also measured, alongside an economic analysis.',
        category: 'metabolic-endocrine',
        team: ['Dr Chidi Rowntree', 'Dr Alys Penderford'],
      },
      {
        role: 'related',
        title:
          'A smartphone-delivered physical activity programme for adults with type 2 diabetes: a randomised trial of step counts',
        lay: 'Being more active helps control type 2 diabetes. We will test whether a phone app that sets walking goals and gives feedback helps people with diabetes to move more.',
        abstract:
          'Physical activity improves glycaemic control in type 2 diabetes but most adults with the condition do not meet recommendations. We will randomise 400 adults with type 2 diabetes from general practices to a 12-month smartphone programme with personalised step goals, activity tracking through the phone’s sensors, motivational messages and monthly coaching calls, or to usual care. The primary outcome is daily step count measured by accelerometer at 12 months; secondary outcomes include HbA1c, weight, sedentary time, quality of life and app engagement.',
        category: 'metabolic-endocrine',
        team: ['Prof Euan Blackmoor', 'Dr Noor Hadleigh'],
      },
    ],
  },
  // g10
  {
    area: 'diabetes',
    entries: [
      {
        role: 'base',
        title:
          'Daily at-home foot temperature monitoring to prevent recurrence of diabetic foot ulcers',
        lay: 'People with diabetes whose foot ulcer has healed often get another. A rise in skin temperature can warn that an ulcer is starting. We will test whether checking foot temperature every day at home with a smart mat prevents new ulcers.',
        abstract:
          'Foot ulcers recur in 40% of people with diabetes within a year of healing and are a leading cause of amputation. Inflammation precedes skin breakdown, and a temperature difference of more than 2.2 degrees between corresponding sites on the two feet can signal impending ulceration. We will randomise 300 people with diabetes and a recently healed plantar ulcer to daily home thermometry using a connected foot mat, with alerts prompting reduced walking and podiatry contact, or to usual care including education and footwear. The primary outcome is ulcer recurrence at 12 months; secondary outcomes are amputations, ulcer-free days, adherence and cost.',
        category: 'metabolic-endocrine',
        team: ['Dr Rhys Wolstenholme', 'Dr Anjali Marwood'],
      },
      {
        role: 'related',
        title:
          'Custom-made offloading footwear after healing of diabetic foot ulcers: a randomised trial',
        lay: 'Shoes made to fit the shape of each foot can take pressure off places where ulcers form. We will test whether specially made shoes stop foot ulcers coming back in people with diabetes.',
        abstract:
          'High plantar pressure is a key driver of diabetic foot ulcer recurrence. Footwear designed from in-shoe pressure measurements may reduce pressure at previous ulcer sites more effectively than standard therapeutic shoes. We will randomise 360 people with diabetes and a healed plantar forefoot ulcer to pressure-optimised custom footwear or standard therapeutic footwear. The primary outcome is plantar ulcer recurrence at 18 months; secondary outcomes include adherence measured with temperature sensors in the shoes, pressure reduction, quality of life and cost-effectiveness.',
        category: 'metabolic-endocrine',
        team: ['Dr Anjali Marwood', 'Prof Ieuan Cranleigh'],
      },
    ],
  },
  // g11
  {
    area: 'cardiovascular',
    entries: [
      {
        role: 'base',
        title:
          'Community blood pressure screening in mosques, gurdwaras and temples to detect undiagnosed hypertension in South Asian adults',
        lay: 'High blood pressure often has no symptoms and many people do not know they have it. We will offer free blood pressure checks at places of worship and see how many people with undiagnosed high blood pressure are found and go on to get treatment.',
        abstract:
          'Hypertension is common and frequently undiagnosed in British South Asian communities, who also experience higher rates of stroke and coronary disease. Faith settings offer trusted, accessible venues for detection. Working with community leaders, we will train volunteers to measure blood pressure with validated automated monitors at 20 mosques, gurdwaras and temples in Birmingham and Leicester. Adults aged 40 and over without known hypertension will be screened; those with raised readings will be referred for ambulatory monitoring through their GP. We will estimate the yield of new diagnoses, the proportion starting treatment within 3 months, acceptability, and cost per case detected.',
        category: 'cardiovascular',
        team: ['Dr Zainab Ollerton', 'Prof Harjit Canwell'],
      },
      {
        role: 'near-duplicate',
        title:
          'Finding hidden high blood pressure in faith settings: volunteer-led checks for people of South Asian heritage',
        lay: 'Lots of people have raised blood pressure without knowing it. We will set up checks run by trained volunteers at religious centres and follow up those with high readings to see whether they are diagnosed and treated.',
        abstract:
          'Raised blood pressure that has never been recognised is especially common among people of Indian, Pakistani and Bangladeshi descent in the UK, a group at elevated risk of heart attack and stroke. Places of worship are familiar, well-attended community hubs. In partnership with congregations, we will train lay volunteers to take readings using validated digital devices at around twenty temples, gurdwaras and mosques in two Midlands cities. Congregants over forty who have not been told they have hypertension will be invited; anyone with a high result will be directed to their practice for 24-hour monitoring. Outcomes are the number of new diagnoses, treatment started within three months, participant views and the cost of each new case found.',
        category: 'cardiovascular',
        team: ['Dr Omar Pellingham', 'Dr Sarah Inchbold'],
      },
      {
        role: 'related',
        title:
          'Home blood pressure telemonitoring for South Asian adults with treated but uncontrolled hypertension',
        lay: 'Many people already on treatment for high blood pressure still have readings that are too high. We will test whether measuring blood pressure at home and sending readings to the practice helps bring it down.',
        abstract:
          'Blood pressure control among South Asian adults with treated hypertension is poorer than in the general population. Self-monitoring with telemonitoring improves control in trials, but South Asian participants have been under-represented and materials were not culturally adapted. We will co-design a multilingual telemonitoring package and randomise 440 South Asian adults with uncontrolled hypertension to the package, with pharmacist-led titration of medicines, or usual care. The primary outcome is systolic blood pressure at 12 months; secondary outcomes are medication adherence, acceptability and cost-effectiveness.',
        category: 'cardiovascular',
        team: ['Prof Harjit Canwell', 'Dr Leila Thornbury'],
      },
    ],
  },
  // g12
  {
    area: 'cardiovascular',
    entries: [
      {
        role: 'base',
        title:
          'Implantable pulmonary artery pressure sensors to guide diuretic therapy and reduce admissions in chronic heart failure',
        lay: 'People with heart failure often end up in hospital because fluid builds up in the body. A tiny sensor placed in a lung artery can show rising pressure weeks before symptoms. We will test whether using it to adjust water tablets keeps people out of hospital.',
        abstract:
          'Hospitalisation for worsening heart failure is common, costly and associated with poor prognosis. Rising pulmonary artery pressure precedes congestion by several weeks. A wireless sensor implanted in the pulmonary artery allows daily remote pressure readings that clinicians can use to adjust diuretics. We will randomise 500 patients with NYHA class III heart failure and a hospital admission in the previous year to sensor-guided management or standard care. The primary outcome is the rate of heart failure hospitalisations over 18 months; secondary outcomes are mortality, quality of life, days alive and out of hospital, device complications and cost-effectiveness in the NHS.',
        category: 'cardiovascular',
        team: ['Prof Helen Dagworth', 'Dr Ravi Fensome'],
      },
      {
        role: 'near-duplicate',
        title:
          'Wireless monitoring of lung artery pressure to adjust water tablets and keep people with heart failure out of hospital',
        lay: 'Fluid building up in the lungs is a common reason people with a weak heart are admitted to hospital. We will see whether a small implanted monitor that sends pressure readings from home lets nurses change medicines early enough to prevent these admissions.',
        abstract:
          'Episodes of fluid overload drive repeated hospital stays for people with a failing heart. Pressure in the pulmonary circulation climbs well before breathlessness and swelling appear, so measuring it remotely could allow earlier treatment. A small wireless monitor, inserted by catheter into a branch of the pulmonary artery, transmits readings from the patient’s home each day, and the heart failure nurse team adjusts loop diuretic doses accordingly. About 480 people with moderately severe symptoms who have been admitted within twelve months will be allocated at random to monitor-guided care or normal follow-up. We will count admissions for worsening heart failure over eighteen months and also record deaths, wellbeing, procedure complications and value for money.',
        category: 'cardiovascular',
        team: ['Dr Ewan Coldridge', 'Dr Shreya Amblecote'],
      },
      {
        role: 'related',
        title:
          'A nurse-led remote titration clinic to optimise guideline-directed medical therapy after a heart failure admission',
        lay: 'After a hospital stay for heart failure, people should be put on the right doses of several heart medicines, but this often takes months. We will test whether a specialist nurse adjusting doses by phone every two weeks speeds this up.',
        abstract:
          'Guideline-directed medical therapy for heart failure with reduced ejection fraction improves survival, but after discharge many patients remain on sub-target doses for months. We will randomise 360 patients discharged after a heart failure admission to a nurse-led remote titration clinic, with fortnightly telephone review, home blood tests and protocol-driven dose changes, or to usual outpatient care. The primary outcome is the proportion on optimal doses of all four drug classes at 6 months; secondary outcomes include heart failure readmission, kidney function, potassium and quality of life.',
        category: 'cardiovascular',
        team: ['Prof Helen Dagworth', 'Dr Tamsin Ecclestone'],
      },
    ],
  },
  // g13
  {
    area: 'cardiovascular',
    entries: [
      {
        role: 'base',
        title:
          'Opportunistic screening for atrial fibrillation using a handheld single-lead ECG at seasonal influenza vaccination clinics',
        lay: 'An irregular heartbeat called atrial fibrillation can cause strokes but often goes unnoticed. We will test whether a 30-second heart tracing with a small handheld device, taken while older people wait for their flu jab, finds people who need treatment.',
        abstract:
          'Atrial fibrillation is frequently asymptomatic and first diagnosed after a stroke. Screening with handheld single-lead electrocardiography is quick, but the best setting and yield in UK primary care are uncertain. Influenza vaccination clinics bring large numbers of older adults to general practice each autumn. In a cluster randomised design, 40 practices will offer a 30-second handheld ECG to attendees aged 65 and over at flu clinics, with automated interpretation and cardiologist over-read, while 40 control practices continue usual care. The primary outcome is the rate of new atrial fibrillation diagnoses within 3 months; secondary outcomes are anticoagulant initiation, stroke at 2 years, false positives and cost per diagnosis.',
        category: 'cardiovascular',
        team: ['Dr Kofi Bellingshaw', 'Dr Rhiannon Clatterbridge'],
      },
      {
        role: 'near-duplicate',
        title:
          'Checking heart rhythm with a pocket ECG device while older people attend for their winter flu jab',
        lay: 'An irregular heart rhythm raises the chance of a stroke but may cause no symptoms. While people over 65 wait for their flu vaccine, we will record their heart rhythm with a small device they hold for half a minute, to find those who could benefit from blood thinners.',
        abstract:
          'Many people with an irregularly irregular heart rhythm are unaware of it until they suffer a stroke. Each winter, general practices vaccinate large numbers of older patients against flu, creating an opportunity to check heart rhythm at scale. Practices will be randomly allocated either to invite over-65s attending flu vaccination sessions to record a half-minute tracing on a palm-sized electrocardiogram device, reviewed by software and then a heart specialist, or to carry on as normal; around eighty practices will take part. We will compare newly diagnosed arrhythmia in the following three months, starts of anticoagulation, strokes over two years, unnecessary referrals and the cost of each new diagnosis.',
        category: 'cardiovascular',
        team: ['Dr Annika Sowerbutts', 'Prof Dele Harkness'],
      },
      {
        role: 'related',
        title:
          'Smartwatch rhythm monitoring to detect atrial fibrillation after cryptogenic stroke',
        lay: 'When the cause of a stroke is unknown, a hidden irregular heartbeat might be to blame. We will test whether wearing a smartwatch that checks heart rhythm finds this more often than the usual heart monitor.',
        abstract:
          'Paroxysmal atrial fibrillation is an important but often missed cause of cryptogenic stroke; prolonged monitoring increases detection but implantable loop recorders are invasive and costly. We will randomise 300 patients with cryptogenic ischaemic stroke or TIA to 6 months of smartwatch photoplethysmography monitoring with ECG confirmation, or to standard 72-hour Holter monitoring. The primary outcome is detection of atrial fibrillation lasting 30 seconds or more within 6 months; secondary outcomes are anticoagulation, recurrent stroke, device adherence and patient anxiety. We will also estimate the cost per additional diagnosis from the NHS perspective.',
        category: 'stroke',
        team: ['Dr Kofi Bellingshaw', 'Dr Ines Mardlebury'],
      },
    ],
  },
  // g14
  {
    area: 'respiratory',
    entries: [
      {
        role: 'base',
        title:
          'Home high-flow nasal therapy for people with COPD and chronic hypercapnic respiratory failure: a randomised trial of time to readmission',
        lay: 'Some people with severe COPD cannot breathe out enough carbon dioxide and are often readmitted to hospital. We will test whether a machine at home that blows warm, moist air through the nose keeps them out of hospital for longer.',
        abstract:
          'Patients with chronic obstructive pulmonary disease and persistent hypercapnia after an exacerbation have high readmission and mortality rates. Long-term home non-invasive ventilation helps some, but many cannot tolerate a face mask. High-flow nasal therapy delivers heated, humidified air at up to 60 litres per minute, reducing dead space and work of breathing. We will randomise 340 patients with COPD and daytime PaCO2 above 6.5 kPa two to four weeks after an acute admission to home high-flow therapy for at least 6 hours a day, or standard care. The primary outcome is time to readmission or death within 12 months; secondary outcomes are exacerbations, blood gases, quality of life and adherence.',
        category: 'respiratory',
        team: ['Prof Kirsty Hebblethwaite', 'Dr Anil Dunmore'],
      },
      {
        role: 'near-duplicate',
        title:
          'Warm humidified air through the nose at home for people with chronic lung disease who retain carbon dioxide',
        lay: 'People with badly damaged lungs can build up carbon dioxide in their blood and end up back in hospital again and again. We want to know whether using a home device that delivers warmed, moistened air through soft nasal tubes helps them stay at home.',
        abstract:
          'After a hospital stay for a flare-up, people with emphysema or chronic bronchitis whose blood carbon dioxide remains high often return to hospital within months. Mask ventilation at home is poorly tolerated by many. An alternative is a bedside unit that delivers heated and humidified air at high flow rates through nasal prongs, washing out carbon dioxide from the upper airway and easing breathing. Roughly 320 people with persistently raised carbon dioxide a few weeks after discharge will be allocated at random to nightly and daytime use of the unit at home or to usual management. The main outcome is the time until they are admitted again or die, within one year, with flare-ups, blood gas results, wellbeing and hours of use recorded.',
        category: 'respiratory',
        team: ['Dr Beatriz Callowhill', 'Dr Jonah Prestbury'],
      },
      {
        role: 'related',
        title:
          'Home non-invasive ventilation started in hospital versus after discharge for hypercapnic COPD',
        lay: 'Breathing support at home through a mask helps some people with severe COPD. We will find out whether it is better to start it while people are still in hospital or a few weeks after they go home.',
        abstract:
          'Home non-invasive ventilation reduces readmission in patients with COPD and persistent hypercapnia, but the best time to start it is unclear: early initiation during admission may prevent early readmission, while delayed initiation avoids treating patients whose hypercapnia resolves. We will randomise 400 patients hospitalised with a hypercapnic exacerbation to in-hospital initiation of home ventilation or reassessment and initiation at 6 weeks if still hypercapnic. The primary outcome is readmission or death at 12 months; secondary outcomes include adherence, quality of life and cost-effectiveness.',
        category: 'respiratory',
        team: ['Prof Kirsty Hebblethwaite', 'Dr Marta Kilsby'],
      },
    ],
  },
  // g15
  {
    area: 'child-health',
    entries: [
      {
        role: 'base',
        title:
          'Fractional exhaled nitric oxide-guided treatment for children with asthma in primary care',
        lay: 'Measuring a gas in the breath can show how inflamed a child’s airways are. We will test whether using this breath test to adjust asthma medicines leads to fewer asthma attacks than usual care.',
        abstract:
          'Asthma attacks in children cause school absence, emergency visits and occasional deaths. Treatment is usually adjusted according to symptoms, which correlate poorly with airway inflammation. Fractional exhaled nitric oxide (FeNO) is a non-invasive marker of eosinophilic inflammation. We will randomise 520 children aged 6 to 16 with asthma managed in general practice to treatment adjusted every 3 months according to FeNO plus symptoms, or symptoms alone. The primary outcome is asthma attacks requiring oral corticosteroids over 12 months; secondary outcomes include asthma control, inhaled steroid dose, lung function and school absence.',
        category: 'respiratory',
        team: ['Dr Gemma Rattigan', 'Prof Ade Wollaston'],
      },
      {
        role: 'related',
        title: 'Text message reminders to improve preventer inhaler use in teenagers with asthma',
        lay: 'Many teenagers with asthma do not use their daily preventer inhaler. We will see whether short, personalised text messages help them use it more often.',
        abstract:
          'Adherence to inhaled corticosteroids among adolescents with asthma is typically below 50%, contributing to preventable attacks. We will co-design a programme of personalised text messages with young people and randomise 300 adolescents aged 12 to 18 with persistent asthma to 6 months of messages or usual care. Adherence will be measured with electronic inhaler monitors. Secondary outcomes include asthma control, attacks, quality of life and the acceptability of messaging. Interviews with participants and parents will explore which messages worked and why, and whether young people would recommend the service to friends.',
        category: 'respiratory',
        team: ['Dr Gemma Rattigan', 'Dr Fraser Mellingham'],
      },
    ],
  },
  // g16
  {
    area: 'mental-health',
    entries: [
      {
        role: 'base',
        title:
          'Digital cognitive behavioural therapy for insomnia to prevent relapse of major depression',
        lay: 'Poor sleep often continues after depression improves and makes it more likely to come back. We will test whether an online sleep therapy programme helps people who have recovered from depression to sleep better and stay well.',
        abstract:
          'Residual insomnia after remission of major depressive disorder is a strong predictor of relapse. Cognitive behavioural therapy for insomnia (CBT-I) is effective and can be delivered digitally at scale. We will randomise 600 adults in remission from major depression with persistent insomnia, recruited from NHS Talking Therapies services, to a six-session digital CBT-I programme or sleep hygiene education. The primary outcome is relapse of major depression over 18 months assessed by structured clinical interview; secondary outcomes are insomnia severity, depressive symptoms, anxiety, work and social functioning, and cost-effectiveness.',
        category: 'mental-health',
        team: ['Dr Nadia Fairclough-Obi', 'Prof Lewis Greenhalgh'],
      },
      {
        role: 'near-duplicate',
        title:
          'Treating sleeplessness online to stop low mood coming back: a trial of an app-based sleep programme after recovery from depression',
        lay: 'Even when depression lifts, many people still struggle to get to sleep or stay asleep, and this raises the chance of becoming depressed again. We want to find out whether a self-guided sleep course on a phone or computer keeps depression away.',
        abstract:
          'Difficulty sleeping that persists once a depressive episode has resolved greatly increases the likelihood of a recurrence. A structured psychological treatment for sleeplessness, delivered through an automated web and phone programme, could be offered widely. About 550 people who have recovered from a depressive episode but still sleep badly will be recruited through psychological therapy services and allocated at random to the six-week programme or to written advice about good sleep habits. They will be followed for eighteen months, with a return of clinical depression, established by diagnostic interview, as the main outcome. We will also measure sleeplessness, mood and worry symptoms, day-to-day functioning and whether the programme offers value for money.',
        category: 'mental-health',
        team: ['Dr Ciaran Mottisfont', 'Dr Beth Aldringham'],
      },
      {
        role: 'related',
        title:
          'Digital cognitive behavioural therapy for insomnia for NHS shift workers: effects on sleep and sickness absence',
        lay: 'Working shifts can ruin sleep. We will test whether an online sleep therapy programme adapted for shift patterns helps NHS staff sleep better and take fewer sick days.',
        abstract:
          'Insomnia is common among healthcare staff working rotating and night shifts and is associated with burnout, errors and sickness absence. Digital CBT for insomnia has not been adapted for shift workers. We will adapt an existing programme with staff and randomise 700 NHS shift workers with insomnia to the adapted programme or a waiting list. The primary outcome is insomnia severity at 10 weeks; secondary outcomes are sickness absence from employer records over 12 months, wellbeing, fatigue and safety incidents.',
        category: 'mental-health',
        team: ['Prof Lewis Greenhalgh', 'Dr Tobi Eversleigh'],
      },
    ],
  },
  // g17
  {
    area: 'mental-health',
    entries: [
      {
        role: 'base',
        title:
          'Peer support workers to reduce readmission after discharge from acute mental health inpatient care',
        lay: 'The first weeks after leaving a mental health ward are a risky time. We will test whether support from someone who has been through mental illness themselves helps people stay well and out of hospital.',
        abstract:
          'Up to a fifth of patients discharged from acute psychiatric wards are readmitted within 90 days, and the transition period carries high risk of self-harm. Peer support workers, people with lived experience of mental illness who are trained and employed by services, may improve continuity and engagement. We will randomise 500 adults being discharged from acute mental health wards in four NHS trusts to peer support for 12 weeks, starting before discharge, plus usual care, or usual care alone. The primary outcome is psychiatric readmission within 12 months; secondary outcomes are self-harm, time in the community, recovery, loneliness and service costs.',
        category: 'mental-health',
        team: ['Dr Adaeze Bickerstaff', 'Prof Owain Trelawney'],
      },
      {
        role: 'near-duplicate',
        title:
          'Help from people with lived experience in the weeks after leaving a psychiatric hospital: does it prevent going back in?',
        lay: 'Going home from a mental health unit can be lonely and frightening. Trained supporters who have recovered from mental illness themselves will meet people before they leave and for three months afterwards, and we will see whether fewer of them need to return to hospital.',
        abstract:
          'Leaving an inpatient psychiatric unit is a period of vulnerability, with frequent early return to hospital and a raised risk of self-injury. Employed supporters who have personally experienced serious mental health difficulties can offer practical and emotional help grounded in shared experience. This multi-site trial will allocate around 480 adults leaving acute wards by chance to three months of this support, beginning on the ward, in addition to standard aftercare, or standard aftercare only. We will compare how many are admitted again within a year, as well as self-injury, days spent living in the community, personal recovery, social connectedness and costs to services.',
        category: 'mental-health',
        team: ['Dr Ellis Warburton-Kay', 'Dr Fatima Greysteel'],
      },
    ],
  },
  // g18
  {
    area: 'mental-health',
    entries: [
      {
        role: 'base',
        title:
          'Mindfulness training in secondary schools to prevent depression and anxiety in adolescents: a cluster randomised trial',
        lay: 'Many teenagers develop depression or anxiety. We will test whether teaching mindfulness in school lessons helps prevent these problems.',
        abstract:
          'Depression and anxiety frequently begin in adolescence. Universal school-based mindfulness programmes are popular, but evidence of benefit is mixed, and delivery by trained teachers at scale has rarely been evaluated. We will randomise 60 secondary schools to a ten-lesson mindfulness curriculum delivered by trained teachers to pupils aged 12 to 14, or to usual social and emotional learning. The primary outcome is depressive symptoms at one year; secondary outcomes are anxiety, wellbeing, school connectedness and teacher burnout, with a process evaluation of implementation.',
        category: 'mental-health',
        team: ['Dr Rowan Hesketh-Lane', 'Dr Amina Culverhouse'],
      },
      {
        role: 'related',
        title:
          'A school-based physical activity programme to improve mental wellbeing in teenagers',
        lay: 'Being active can lift mood. We will test whether extra sport and activity sessions at school improve the wellbeing of teenagers.',
        abstract:
          'Physical activity declines sharply during adolescence, when mental health problems often emerge. We will randomise 40 secondary schools to a programme of additional, pupil-chosen physical activity sessions three times a week for pupils aged 13 to 15, or usual practice. The primary outcome is mental wellbeing measured with the Warwick-Edinburgh scale at 12 months; secondary outcomes include depressive symptoms, accelerometer-measured activity, sleep and academic attainment. Pupils will help choose and lead the activities, and a process evaluation will examine whether girls and pupils from deprived backgrounds take part as much as others.',
        category: 'mental-health',
        team: ['Dr Amina Culverhouse', 'Prof Gideon Sallowby'],
      },
    ],
  },
  // g19
  {
    area: 'dementia',
    entries: [
      {
        role: 'base',
        title:
          'Music therapy to reduce agitation in people with dementia living in care homes: a cluster randomised trial',
        lay: 'Many people with dementia in care homes become agitated or distressed. We will test whether weekly music therapy sessions, led by trained music therapists, calm agitation and reduce the use of sedating medicines.',
        abstract:
          'Agitation affects most care home residents with moderate to severe dementia and is commonly managed with antipsychotic medicines that carry serious risks. Music therapy delivered by registered music therapists, combining active music-making and receptive listening tailored to residents’ preferences, may reduce agitation. We will randomise 50 care homes to twice-weekly group and individual music therapy for 6 months plus staff training, or usual care, enrolling about 600 residents with dementia. The primary outcome is agitation on the Cohen-Mansfield Agitation Inventory at 6 months; secondary outcomes are psychotropic prescribing, quality of life, staff burnout and cost.',
        category: 'neurological',
        team: ['Dr Maeve Chillingham', 'Prof Jide Harroway'],
      },
      {
        role: 'near-duplicate',
        title:
          'Can live music sessions ease distress and restlessness in nursing home residents with memory loss?',
        lay: 'Restlessness, shouting and distress are common for people with advanced memory loss living in nursing homes, and are often treated with tranquillisers. We want to see whether regular sessions with a music therapist, singing and playing favourite songs, work better.',
        abstract:
          'Distressed behaviour, including pacing, calling out and aggression, is widespread among nursing home residents with Alzheimer’s disease and related conditions, and tranquillising drugs used to manage it cause strokes and deaths. Structured sessions with a qualified music therapist, using singing, simple instruments and personalised playlists, could offer a safer alternative. Homes, rather than individuals, will be randomly allocated: half will receive six months of sessions twice each week plus coaching for care staff, the remainder will continue their normal activities. Roughly 550 residents will be included. The main comparison is behavioural disturbance on a standard staff-rated agitation scale, with antipsychotic and sedative prescriptions, wellbeing, staff stress and costs also measured.',
        category: 'mental-health',
        team: ['Dr Piotr Lanchester', 'Dr Grace Ottershaw'],
      },
      {
        role: 'related',
        title:
          'Personalised music listening to reduce anxiety in people with dementia during a hospital admission',
        lay: 'Being in hospital can be frightening for people with dementia. We will test whether listening to their favourite music on headphones makes them less anxious on the ward.',
        abstract:
          'Hospital admission is disorientating for people with dementia and is associated with anxiety, delirium and longer stays. Personalised playlists compiled with family members are cheap and easy to provide on wards. We will conduct a feasibility randomised trial with 90 patients with dementia admitted to medical wards, comparing daily personalised music listening via headphones with usual care. We will assess recruitment, adherence and acceptability, and collect candidate outcomes including anxiety, delirium incidence, use of sedatives and length of stay. Ward staff and relatives will be interviewed about practicalities.',
        category: 'neurological',
        team: ['Prof Jide Harroway', 'Dr Una Beddington'],
      },
    ],
  },
  // g20
  {
    area: 'dementia',
    entries: [
      {
        role: 'base',
        title:
          'Automated analysis of spoken language to detect early Alzheimer’s disease in memory clinics',
        lay: 'Subtle changes in how people speak may be an early sign of Alzheimer’s disease. We will test whether a computer program that analyses short voice recordings can tell which people attending memory clinics have early Alzheimer’s.',
        abstract:
          'Early diagnosis of Alzheimer’s disease is increasingly important as disease-modifying treatments emerge, but current pathways depend on specialist assessment, imaging and fluid biomarkers. Changes in lexical diversity, pausing and syntactic complexity appear years before diagnosis. We will record 5-minute picture-description and story-recall tasks from 800 people referred to memory clinics and apply natural language processing and acoustic analysis to develop a classifier, validated against amyloid status from PET or cerebrospinal fluid and clinical diagnosis at 2 years. We will report discrimination, calibration and performance across age, education, accent and first language.',
        category: 'neurological',
        team: ['Dr Linnea Frogmore', 'Prof Bayo Ashenden'],
      },
      {
        role: 'near-duplicate',
        title:
          'Listening for the first signs of memory illness: a computer tool that studies how people talk',
        lay: 'The way people choose words and pause while talking can change long before dementia is obvious. We will ask people attending memory services to describe a picture and retell a story, and see whether software can pick up early Alzheimer’s from the recordings.',
        abstract:
          'With new treatments arriving that work best early, there is a pressing need for simple ways to recognise the beginnings of Alzheimer’s. Features of everyday talk, such as vocabulary range, hesitations and sentence structure, shift subtly in the earliest stages. Roughly 750 adults referred to NHS memory assessment services will complete brief recorded speaking tasks. We will use automated speech and text processing to build a model that separates those with and without Alzheimer’s pathology, judged against amyloid brain scans or spinal fluid results and the diagnosis reached two years later. We will check how well the tool works for people of different ages, educational backgrounds, accents and for those who speak English as a second language.',
        category: 'neurological',
        team: ['Dr Sunil Brocklebank', 'Dr Niamh Hartopp'],
      },
      {
        role: 'related',
        title: 'Eye-tracking during reading tasks as a marker of early Alzheimer’s disease',
        lay: 'The way our eyes move when we read may change early in Alzheimer’s disease. We will test whether a short eye-tracking test on a tablet can help detect it.',
        abstract:
          'Oculomotor changes, including prolonged fixations and altered saccades during reading, have been reported in early Alzheimer’s disease. We will recruit 300 memory clinic attendees and 100 healthy controls to complete a 10-minute tablet-based reading and visual search task with camera-based eye tracking. Performance will be compared with amyloid status and neuropsychological testing. We will estimate diagnostic accuracy and test-retest reliability and explore the combination of eye movement features with blood biomarkers. Participants will repeat the task after a year to assess change over time.',
        category: 'neurological',
        team: ['Prof Bayo Ashenden', 'Dr Coralie Mintern'],
      },
    ],
  },
  // g21
  {
    area: 'stroke',
    entries: [
      {
        role: 'base',
        title:
          'Extending early supported discharge to stroke survivors in rural areas: a mixed-methods evaluation',
        lay: 'After a stroke, some people can leave hospital early and continue rehabilitation at home with a specialist team. This service is harder to offer in the countryside. We will study how it can work in rural areas and what difference it makes.',
        abstract:
          'Early supported discharge (ESD) for stroke reduces length of stay and improves independence, but rural populations have poorer access because of travel times and workforce shortages. Three Midlands stroke services are extending ESD to rural postcodes using a hub-and-spoke model with community therapy assistants and video consultations. Using routinely collected national audit data, we will compare length of stay, time to first therapy contact and 6-month functional outcome for rural patients before and after the change, with urban patients as controls. Interviews with patients, carers and staff will explore acceptability and implementation.',
        category: 'stroke',
        team: ['Dr Evie Thistlewood', 'Prof Kunle Marlborough'],
      },
      {
        role: 'related',
        title: 'Video-based telerehabilitation for arm recovery after stroke in rural communities',
        lay: 'People living far from hospital get less therapy after a stroke. We will test whether arm therapy sessions delivered by video call help arm recovery.',
        abstract:
          'Upper limb impairment persists in most stroke survivors and the dose of therapy delivered after discharge is low, especially in rural areas. We will randomise 240 stroke survivors living in rural areas, 1 to 6 months after stroke, to 8 weeks of therapist-led upper limb telerehabilitation by video with home exercise equipment, or usual community care. The primary outcome is the Action Research Arm Test at 8 weeks; secondary outcomes include arm use, quality of life, costs and therapist time.',
        category: 'stroke',
        team: ['Prof Kunle Marlborough', 'Dr Jess Ainsworthy'],
      },
    ],
  },
  // g22
  {
    area: 'stroke',
    entries: [
      {
        role: 'base',
        title:
          'Transcranial direct current stimulation combined with speech and language therapy for chronic post-stroke aphasia',
        lay: 'Many people have lasting difficulty speaking after a stroke. We will test whether a weak electrical current applied to the scalp during speech therapy sessions helps people recover more language.',
        abstract:
          'Aphasia persists in around a third of stroke survivors and limits participation and quality of life. Transcranial direct current stimulation (tDCS) may enhance the effects of behavioural language therapy by modulating cortical excitability. We will randomise 200 people with chronic aphasia at least 6 months after a left hemisphere stroke to 15 sessions of intensive naming therapy combined with anodal tDCS over the left motor cortex or sham stimulation. The primary outcome is naming of treated and untreated items at the end of treatment and at 6 months; secondary outcomes are functional communication, quality of life and adverse events.',
        category: 'stroke',
        team: ['Dr Marguerite Fallowfield', 'Dr Tunde Quayle'],
      },
      {
        role: 'near-duplicate',
        title:
          'Mild electrical brain stimulation alongside speech therapy to help people find words long after a stroke',
        lay: 'Struggling to find the right words is a common long-term effect of stroke. In this study, a very small electric current will be passed through the scalp while people practise naming pictures with a therapist, and we will check whether this improves their speech more than therapy alone.',
        abstract:
          'Language difficulties that last beyond the first months after stroke leave many people isolated and unable to work. Non-invasive brain stimulation with a low-intensity direct current may prime the brain to respond to therapy. About 190 people with long-standing communication problems caused by a stroke in the left hemisphere will be randomly assigned to three weeks of intensive word-retrieval practice with real stimulation over the motor area or an imitation procedure that feels the same. Their ability to name practised and unpractised pictures will be assessed after the course and six months later, together with everyday communication, wellbeing and side effects.',
        category: 'stroke',
        team: ['Dr Hollie Brathwaite', 'Prof Arvind Kettering'],
      },
    ],
  },
  // g23
  {
    area: 'cancer',
    entries: [
      {
        role: 'base',
        title:
          'High-intensity interval training before lung cancer surgery to reduce postoperative pulmonary complications',
        lay: 'Being fitter before lung cancer surgery may mean fewer chest problems afterwards. We will test whether short bursts of hard exercise on a bike in the weeks before surgery reduce complications.',
        abstract:
          'Postoperative pulmonary complications affect up to 30% of patients after lung resection for non-small cell lung cancer and prolong hospital stay. Preoperative high-intensity interval training (HIIT) can improve cardiorespiratory fitness within the short window between diagnosis and surgery. We will randomise 380 patients scheduled for lobectomy to a supervised HIIT programme of three sessions a week on a cycle ergometer for at least 3 weeks before surgery, or usual care. The primary outcome is postoperative pulmonary complications within 30 days; secondary outcomes are peak oxygen uptake, length of stay, quality of life and 1-year survival.',
        category: 'cancer',
        team: ['Dr Sinead Copperthwaite', 'Prof Victor Aldermaston'],
      },
      {
        role: 'near-duplicate',
        title:
          'Short bursts of hard exercise in the weeks before an operation for lung cancer: do they cut chest problems afterwards?',
        lay: 'Chest infections and breathing problems are common after an operation to remove part of a lung. We will see whether a few weeks of vigorous exercise sessions on a static bike beforehand means fewer of these problems.',
        abstract:
          'Chest infections, collapsed lung segments and respiratory failure complicate many operations to remove lung tumours, lengthening admissions and increasing deaths. Because the wait for surgery is short, any preparation must work quickly; repeated short spells of vigorous cycling alternating with rest improve fitness within weeks. In this trial, roughly 360 adults awaiting removal of a lung lobe for cancer will be allocated randomly to supervised interval cycling three times weekly until their operation or to normal preparation. The main outcome is the occurrence of breathing-related complications in the month after surgery, and we will also measure aerobic capacity, days in hospital, wellbeing and survival at one year.',
        category: 'cancer',
        team: ['Dr Mohammed Brightling', 'Dr Carys Hendlebury'],
      },
      {
        role: 'related',
        title:
          'Inspiratory muscle training before lung cancer surgery: a randomised trial of postoperative pulmonary complications',
        lay: 'Training the breathing muscles with a small hand-held device may help people cope with lung surgery. We will test whether daily breathing-muscle exercises before surgery reduce chest complications.',
        abstract:
          'Weak inspiratory muscles may contribute to pulmonary complications after lung resection. Inspiratory muscle training (IMT) with a threshold loading device is cheap and can be done at home. We will randomise 300 patients awaiting lung cancer resection to home-based IMT twice daily until surgery or a sham device. The primary outcome is postoperative pulmonary complications within 30 days; secondary outcomes are inspiratory muscle strength, length of stay and quality of life. Adherence will be recorded by the device, and a health economic analysis will estimate the cost per complication avoided.',
        category: 'cancer',
        team: ['Prof Victor Aldermaston', 'Dr Keira Onslowe'],
      },
    ],
  },
  // g24
  {
    area: 'cancer',
    entries: [
      {
        role: 'base',
        title:
          'Text-message reminders to increase bowel cancer screening uptake in deprived communities',
        lay: 'Fewer people in poorer areas complete the home bowel cancer screening test. We will test whether a friendly text message from their GP practice encourages more people to do the test.',
        abstract:
          'Uptake of faecal immunochemical test (FIT) bowel screening is lowest among people living in deprived areas and some ethnic minority groups, contributing to inequalities in cancer stage at diagnosis. We will randomise 40,000 people aged 56 to 74 who have not returned their kit within 6 weeks, registered with 60 practices in deprived areas, to a text-message reminder from their practice, a text reminder with a short video in their preferred language, or no reminder. The primary outcome is FIT return within 12 weeks; secondary outcomes include positivity, colonoscopy attendance and differences by ethnicity.',
        category: 'cancer',
        team: ['Dr Hannah Brockhurst', 'Dr Idris Penwortham'],
      },
      {
        role: 'related',
        title:
          'Lowering the faecal immunochemical test threshold in bowel cancer screening: effects on cancers detected and colonoscopy demand',
        lay: 'The bowel screening test gives a number, and people above a cut-off are invited for colonoscopy. We will model what would happen if the cut-off were lowered.',
        abstract:
          'The English bowel screening programme refers people with faecal haemoglobin above 120 micrograms per gram for colonoscopy, a threshold higher than in many countries because of endoscopy capacity. Using linked screening, colonoscopy and cancer registry data for 2.5 million screening episodes, we will estimate the additional cancers and advanced adenomas that lower thresholds would detect, the extra colonoscopies required and the effect on interval cancers, and project costs and workforce needs. Results will be presented by age, sex and deprivation to show who would gain most from a change.',
        category: 'cancer',
        team: ['Dr Idris Penwortham', 'Prof Selina Graveney'],
      },
    ],
  },
  // g25
  {
    area: 'cancer',
    entries: [
      {
        role: 'base',
        title:
          'Scalp cooling to prevent chemotherapy-induced alopecia in women with early breast cancer',
        lay: 'Losing hair is one of the most distressing side effects of chemotherapy. We will test whether a cooling cap worn during treatment helps women with breast cancer keep their hair.',
        abstract:
          'Chemotherapy-induced alopecia affects most women receiving anthracycline or taxane chemotherapy for breast cancer and can lead some to decline treatment. Scalp cooling reduces blood flow to hair follicles during drug infusion. Evidence is limited for modern regimens and for women with Afro-textured hair. We will randomise 320 women starting neoadjuvant or adjuvant chemotherapy for early breast cancer to scalp cooling or no cooling. The primary outcome is hair preservation, defined as less than 50% hair loss assessed by blinded photograph review at the end of chemotherapy; secondary outcomes include wig use, body image, headache and tolerability.',
        category: 'cancer',
        team: ['Dr Abena Shuttleworth', 'Dr Harriet Crowmarsh'],
      },
      {
        role: 'near-duplicate',
        title:
          'Chilling the scalp during cancer drug treatment to stop hair falling out: a trial in women with breast tumours',
        lay: 'Many women say losing their hair is the worst part of cancer treatment. We will test a cold cap, worn while the drugs are given, to see whether it helps them keep most of their hair.',
        abstract:
          'Hair loss from cytotoxic drugs used for breast tumours is feared by many women and occasionally leads them to refuse effective treatment. Chilling the scalp with a cap circulating coolant narrows blood vessels so less drug reaches the hair roots. There is little evidence for current drug combinations or for women with tightly curled hair. Around 300 women beginning chemotherapy, before or after surgery, for breast cancer that has not spread will be assigned at random to wear the cold cap during each infusion or not. Independent assessors, unaware of the group, will rate standardised photographs at the end of treatment to judge whether at least half the hair was kept. We will also record use of wigs, body image, headaches and discomfort.',
        category: 'cancer',
        team: ['Dr Lorna Fitzwilliam', 'Prof Kwabena Orchardleigh'],
      },
    ],
  },
  // g26
  {
    area: 'kidney',
    entries: [
      {
        role: 'base',
        title:
          'A plant-based low-protein diet to slow the decline of kidney function in chronic kidney disease',
        lay: 'What people eat may affect how quickly kidney disease gets worse. We will test whether a diet based mainly on plant foods, with less protein, slows the loss of kidney function.',
        abstract:
          'Dietary protein restriction and plant-based diets reduce glomerular hyperfiltration, acid load and uraemic toxin production, but evidence that they slow progression of chronic kidney disease is inconsistent and adherence is challenging. We will randomise 420 adults with CKD stages 3b to 4 to a dietitian-supported plant-based diet providing 0.6 g/kg/day of protein, with cookery sessions and app-based monitoring, or usual dietary advice. The primary outcome is the rate of eGFR decline over 2 years; secondary outcomes include potassium, bicarbonate, nutritional status, muscle strength, quality of life and time to kidney replacement therapy.',
        category: 'renal-urogenital',
        team: ['Dr Oliver Kenningham', 'Dr Parveen Ashwell'],
      },
      {
        role: 'related',
        title:
          'Potassium binders to enable plant-rich diets in advanced chronic kidney disease: a feasibility trial',
        lay: 'People with advanced kidney disease are often told to avoid fruit and vegetables because of high potassium. We will test whether a medicine that lowers potassium allows them to eat more plant foods safely.',
        abstract:
          'Fear of hyperkalaemia leads clinicians to restrict fruit and vegetables in advanced CKD, although plant-rich diets may benefit acid-base balance and blood pressure. Newer potassium binders could allow liberalisation. We will randomise 80 adults with CKD stage 4 and previous hyperkalaemia to a liberalised plant-rich diet with a potassium binder or usual restrictive advice for 6 months. We will assess recruitment, adherence, serum potassium, dietary intake, acidosis and patient experience to inform a definitive trial. Renal dietitians will support participants throughout.',
        category: 'renal-urogenital',
        team: ['Dr Parveen Ashwell', 'Prof Dominic Yarwood'],
      },
    ],
  },
  // g27
  {
    area: 'joints',
    entries: [
      {
        role: 'base',
        title:
          'Group exercise and education classes for knee and hip osteoarthritis delivered in community leisure centres',
        lay: 'Exercise helps painful knees and hips, but many people do not know how to get started. We will test whether twelve classes combining exercise with advice on managing arthritis, run in leisure centres, reduce pain and help people stay active.',
        abstract:
          'Exercise and self-management education are core treatments for osteoarthritis, yet many patients are offered only analgesia or referral for surgery. A structured programme of twelve group sessions over six weeks, combining progressive exercise with discussion of pain, activity pacing and coping, improves pain and function when delivered by physiotherapists in hospitals. We will test delivery by trained leisure centre instructors in a cluster randomised trial across 30 community leisure centres, enrolling 600 adults aged 45 and over with chronic knee or hip pain. The primary outcome is WOMAC physical function at 6 months; secondary outcomes include pain, physical activity, analgesic use, and cost-effectiveness at 12 months.',
        category: 'musculoskeletal',
        team: ['Dr Heledd Rainsworth', 'Prof Malik Stansfield'],
      },
      {
        role: 'near-duplicate',
        title:
          'Arthritis classes at the local gym: combining exercise with self-management advice for people with painful knees and hips',
        lay: 'People with worn, painful knees and hips are often just given painkillers. We want to find out if a six-week course at their local gym, with supervised exercise and tips for coping with arthritis, helps them move more easily.',
        abstract:
          'Although physical activity and education about looking after one’s joints are recommended first for degenerative joint disease of the hip and knee, patients are more often given tablets or put on a surgical waiting list. A six-week, twice-weekly group course of graded exercise with talks on pain, pacing and coping has worked well when hospital physiotherapists ran it. This study asks whether fitness instructors at community gyms can achieve the same results. Gyms will be randomised to run the course or not, and around 580 people over 45 with long-standing joint pain will be recruited. The main outcome is day-to-day physical function on a standard questionnaire after six months, with pain, activity levels, painkiller use and value for money as further outcomes.',
        category: 'musculoskeletal',
        team: ['Dr Anwen Tillotson', 'Dr Ravi Quenington'],
      },
      {
        role: 'related',
        title:
          'A low-energy diet and weight maintenance programme for adults with knee osteoarthritis and obesity',
        lay: 'Carrying extra weight puts strain on the knees. We will test whether a supported weight-loss diet reduces knee pain in people with arthritis of the knee who are living with obesity.',
        abstract:
          'Obesity is a major modifiable risk factor for progression of knee osteoarthritis, and weight loss of 10% can substantially reduce pain. We will randomise 300 adults with knee osteoarthritis and a BMI of 30 or more to an 8-week total diet replacement phase followed by a 12-month weight maintenance programme with dietitian support, or usual care. The primary outcome is knee pain at 12 months; secondary outcomes include weight, physical function, structural change on MRI and cost-effectiveness. We will also record knee replacement referrals over the follow-up period.',
        category: 'musculoskeletal',
        team: ['Prof Malik Stansfield', 'Dr Erin Fawkham'],
      },
    ],
  },
  // g28
  {
    area: 'joints',
    entries: [
      {
        role: 'base',
        title:
          'Home-based virtual reality for chronic low back pain: a randomised controlled trial',
        lay: 'Long-lasting back pain is hard to treat. We will test whether a virtual reality programme, used at home with a headset, reduces pain and helps people do more.',
        abstract:
          'Chronic low back pain is the leading cause of years lived with disability. Virtual reality programmes that combine pain education, relaxation, graded movement and immersive distraction may reduce pain intensity and pain-related fear. We will randomise 280 adults with low back pain lasting more than 3 months, recruited from primary care and physiotherapy waiting lists, to an 8-week home-based virtual reality programme delivered through a standalone headset or to an audiovisual programme on a tablet with the same educational content. The primary outcome is pain interference at 8 weeks; secondary outcomes are pain intensity, fear of movement, physical function, sleep and analgesic use at 6 months.',
        category: 'musculoskeletal',
        team: ['Dr Cormac Whitlingham', 'Dr Esi Barnstaple'],
      },
      {
        role: 'near-duplicate',
        title:
          'Using a VR headset at home to ease long-lasting lower back pain: a trial against tablet-based education',
        lay: 'Back pain that goes on for months can stop people working and sleeping. We will lend people a virtual reality headset to use at home for two months, with programmes about pain, relaxation and movement, and see whether it helps more than watching similar material on a tablet.',
        abstract:
          'Persistent lower back pain causes more disability worldwide than any other condition. Immersive headsets can deliver pain science lessons, breathing and relaxation exercises, and gradually increasing movement practice in an engaging way that may lower fear of movement and the impact of pain. In this trial, roughly 260 people with back pain present for at least three months, identified through GP surgeries and physiotherapy waiting lists, will be randomised to eight weeks of a headset programme at home or equivalent content shown on a tablet. The main outcome will be how much pain interferes with daily life at eight weeks, with pain severity, avoidance of movement, function, sleep quality and use of painkillers followed for six months.',
        category: 'musculoskeletal',
        team: ['Dr Ingrid Castleford', 'Dr Yaw Pembridge'],
      },
      {
        role: 'related',
        title: 'Virtual reality distraction during burn dressing changes in children',
        lay: 'Dressing changes for burns are very painful for children. We will test whether playing a virtual reality game during dressing changes reduces pain and distress.',
        abstract:
          'Children with burns undergo repeated painful dressing changes, and pain and anxiety are often poorly controlled despite analgesia. Immersive virtual reality may reduce procedural pain by diverting attention. We will randomise 150 children aged 6 to 16 attending a regional burns service for dressing changes to virtual reality distraction with an age-appropriate game or standard distraction. The primary outcome is self-reported pain during the procedure; secondary outcomes include observed distress, procedure time, analgesic use and parent and staff satisfaction. Nurses will record any motion sickness or interruptions.',
        category: 'injuries-accidents',
        team: ['Dr Esi Barnstaple', 'Dr Rosalind Keverne'],
      },
    ],
  },
  // g29
  {
    area: 'infection',
    entries: [
      {
        role: 'base',
        title:
          'Direct oral challenge to remove incorrect penicillin allergy labels in hospital inpatients',
        lay: 'About one in ten people has a penicillin allergy on their medical record, but most are not truly allergic. This leads to the use of less effective antibiotics. We will test whether a supervised test dose of penicillin on the ward can safely remove the label.',
        abstract:
          'Penicillin allergy labels are recorded for around 10% of hospital patients, yet over 90% are incorrect. Labels lead to broader-spectrum antibiotic use, antimicrobial resistance, Clostridioides difficile infection and longer stays. In low-risk patients, direct oral amoxicillin challenge without prior skin testing appears safe. We will conduct a stepped-wedge cluster trial across 18 wards in which trained ward pharmacists and doctors risk-stratify labelled inpatients and offer low-risk patients a supervised oral amoxicillin challenge. The primary outcome is the proportion of labelled patients de-labelled; secondary outcomes include subsequent penicillin prescribing, adverse reactions, broad-spectrum antibiotic use and costs.',
        category: 'infection',
        team: ['Dr Tariq Honeybourne', 'Prof Alice Menheniot'],
      },
      {
        role: 'near-duplicate',
        title:
          'Testing whether patients who say they are allergic to penicillin really are: a supervised single dose on the ward',
        lay: 'Most people told they are allergic to penicillin can take it safely. In hospital we will offer suitable patients a single supervised dose of the medicine, to find out whether they can have the allergy removed from their record.',
        abstract:
          'One in ten hospital inpatients carries a penicillin allergy record, but true allergy is rare, and the record pushes clinicians towards alternatives that drive resistance and gut infection. For patients whose history suggests little risk, giving a single observed dose of amoxicillin by mouth, without first doing skin tests, can confirm tolerance. Wards will switch to the new pathway in a random order over time: ward pharmacists will screen patients with the label, assess risk and offer the observed dose. We will measure how many labels are removed, later prescribing of penicillins, reactions, use of broad-spectrum agents, and the financial consequences.',
        category: 'infection',
        team: ['Dr Beatrix Holloway-Dunn', 'Dr Segun Amberley'],
      },
      {
        role: 'related',
        title: 'Pharmacist-led penicillin allergy assessment in general practice',
        lay: 'Many people with a penicillin allergy label in their GP record are not allergic. We will test whether practice pharmacists can check and remove these labels in the community.',
        abstract:
          'Most penicillin allergy labels originate in primary care, where most antibiotics are prescribed. We will develop a pathway in which practice pharmacists review records, take a structured allergy history, remove labels based on history alone where appropriate and refer for oral challenge when needed. In a cluster randomised feasibility study in 12 practices, we will assess uptake, the proportion of labels removed, safety, subsequent antibiotic prescribing and patient acceptability. Pharmacist time will be costed to inform commissioning, and GPs will be asked how the pathway fits with their work.',
        category: 'infection',
        team: ['Prof Alice Menheniot', 'Dr Wyn Garside'],
      },
    ],
  },
  // g30
  {
    area: 'infection',
    entries: [
      {
        role: 'base',
        title:
          'Personalised text-message invitations to increase shingles vaccine uptake among adults aged 70 to 79',
        lay: 'Shingles is a painful rash that is more serious in older people. Many people eligible for the free vaccine do not have it. We will test whether personal text messages from GP practices increase uptake.',
        abstract:
          'Uptake of shingles vaccination in England is below 50% among eligible adults in their seventies and lower in deprived and minority ethnic groups. We will conduct a pragmatic randomised trial in 45 general practices, randomising 30,000 eligible unvaccinated adults aged 70 to 79 to standard invitation, a personalised text-message invitation with a booking link, or the same text with a message addressing common concerns. The primary outcome is vaccination within 12 weeks; secondary outcomes include differences in uptake by deprivation and ethnicity and the cost per additional person vaccinated.',
        category: 'infection',
        team: ['Dr Ngozi Harbottle', 'Dr Piers Leckhampton'],
      },
      {
        role: 'related',
        title:
          'Community pharmacy delivery of pneumococcal vaccination for adults with long-term conditions',
        lay: 'People with some long-term conditions should have a pneumonia vaccine, but many do not. We will test whether offering it in local pharmacies increases the number vaccinated.',
        abstract:
          'Adults aged under 65 with chronic respiratory, heart, kidney or liver disease or diabetes are eligible for pneumococcal vaccination, but coverage is below 40%. We will compare areas where community pharmacies proactively offer pneumococcal vaccine to eligible adults collecting repeat prescriptions with matched areas continuing GP-only delivery. Using linked vaccination and prescribing records for 200,000 eligible adults, the primary outcome is vaccination coverage at 12 months, with subgroup analyses by condition and deprivation. Pharmacists and patients will be interviewed about the service.',
        category: 'infection',
        team: ['Dr Piers Leckhampton', 'Dr Ama Worsley'],
        challenges: ['multimorbidity'],
      },
    ],
  },
  // g31
  {
    area: 'maternity',
    entries: [
      {
        role: 'base',
        title:
          'Improving postnatal glucose testing after gestational diabetes through automated recall from GP records',
        lay: 'Women who had diabetes in pregnancy have a high chance of developing type 2 diabetes later, so they should have a blood test after the birth and every year. Many do not. We will test whether automatic reminders from GP computer systems increase testing.',
        abstract:
          'Women with a history of gestational diabetes have a sevenfold increased risk of type 2 diabetes, and guidelines recommend an HbA1c test 13 weeks after delivery and annually thereafter. Fewer than half receive postnatal testing. We will develop an automated search and recall tool that identifies women with recorded gestational diabetes in practice systems, sends text and letter reminders and flags the record. In a cluster randomised trial in 70 practices, including about 2,500 women, the primary outcome is completion of an HbA1c test within 6 months of delivery; secondary outcomes are annual testing, new diagnoses of diabetes and prediabetes, and referral to prevention programmes.',
        category: 'reproductive-health',
        team: ['Dr Fiona Kittermaster', 'Dr Hassan Broadhurst'],
      },
      {
        role: 'near-duplicate',
        title:
          'Making sure mothers who had diabetes in pregnancy get their blood sugar check after the birth: an electronic reminder system in general practice',
        lay: 'Having diabetes during pregnancy means a much higher risk of getting diabetes later in life. Women are supposed to have a check after the baby is born, but many miss it. We will test a computer system in GP surgeries that finds these women and reminds them.',
        abstract:
          'Diabetes that first appears during pregnancy usually resolves after delivery but signals a greatly raised lifetime risk of type 2 diabetes, which is why a glycated haemoglobin check is advised around three months after birth and yearly afterwards. In practice, most women are never tested. We have designed software that searches practice records for a previous diagnosis of diabetes in pregnancy, issues invitations by text and post, and prompts clinicians when the woman’s record is opened. Practices will be randomised, about seventy in total, with roughly 2,400 new mothers. The main outcome is whether a test is done within six months of the birth, alongside yearly checks, new diabetes and pre-diabetes diagnoses, and referral to lifestyle programmes.',
        category: 'metabolic-endocrine',
        team: ['Dr Lucy Pennycuick', 'Dr Tomi Ashburnham'],
      },
      {
        role: 'related',
        title:
          'Childhood growth and metabolism after metformin exposure in pregnancy for gestational diabetes: follow-up of a trial cohort',
        lay: 'Metformin is increasingly used to treat diabetes in pregnancy. We will check the growth and health of children whose mothers took it, compared with children whose mothers had insulin.',
        abstract:
          'Metformin crosses the placenta, and some studies suggest that children exposed in utero have greater adiposity in mid-childhood. We will follow up 600 children aged 7 to 10 born to mothers who took part in a trial of metformin versus insulin for gestational diabetes. Outcomes include BMI, body composition by bioimpedance, waist circumference, blood pressure and fasting glucose and lipids, analysed according to original treatment allocation. Children will also wear an activity monitor for a week, and parents will complete questionnaires about diet and development.',
        category: 'reproductive-health',
        team: ['Dr Hassan Broadhurst', 'Prof Orla Meadowcroft'],
      },
    ],
  },
  // g32
  {
    area: 'maternity',
    entries: [
      {
        role: 'base',
        title:
          'Low-dose aspirin started in the first trimester to prevent pre-eclampsia in women with chronic hypertension',
        lay: 'Pre-eclampsia is a dangerous condition in pregnancy that is more common in women who already have high blood pressure. We will test whether taking a low dose of aspirin from early pregnancy prevents it.',
        abstract:
          'Women with chronic hypertension have a fivefold risk of pre-eclampsia. Aspirin prophylaxis is recommended from 12 weeks, but the optimal dose and timing in this group are uncertain, and many women start late. We will randomise 800 pregnant women with chronic hypertension before 14 weeks of gestation to aspirin 150 mg or 75 mg nightly until 36 weeks. The primary outcome is preterm pre-eclampsia; secondary outcomes include all pre-eclampsia, small-for-gestational-age birth, placental abruption, bleeding and adherence measured by pill counts and serum thromboxane.',
        category: 'reproductive-health',
        team: ['Dr Naomi Cheddleton', 'Prof Ifeanyi Garstang'],
      },
      {
        role: 'near-duplicate',
        title:
          'A daily aspirin from early pregnancy for mothers-to-be who already have high blood pressure: which dose best prevents pre-eclampsia?',
        lay: 'Women who have raised blood pressure before they become pregnant are much more likely to develop pre-eclampsia. Aspirin can help, but we do not know the best dose. We will compare a higher and a standard dose taken every night from the first weeks of pregnancy.',
        abstract:
          'Pre-existing raised blood pressure greatly increases the chance of pre-eclampsia, and although aspirin is advised from the end of the first trimester, the right dose for these women is not known. In this trial around 750 expectant mothers with long-standing hypertension, enrolled before fourteen weeks, will be randomly allocated to take either 150 mg or 75 mg of aspirin each night until 36 weeks. The main outcome is pre-eclampsia requiring delivery before 37 weeks. We will also record pre-eclampsia at any gestation, babies born small for their age, separation of the placenta, bleeding problems and how consistently the tablets were taken.',
        category: 'reproductive-health',
        team: ['Dr Eloise Fanshawe', 'Dr Kojo Wetherall'],
      },
    ],
  },
  // g33
  {
    area: 'child-health',
    entries: [
      {
        role: 'base',
        title:
          'A daily 15-minute run or walk in primary schools to reduce childhood obesity: a cluster randomised trial',
        lay: 'Many children are not active enough and more are becoming overweight. We will test whether a daily 15-minute run or walk around the school grounds helps children stay a healthy weight.',
        abstract:
          'One in five children in England leaves primary school with obesity. Daily running or walking initiatives are popular and cheap, but evidence on their effect on weight is limited. We will randomise 70 primary schools in the Midlands to introduce a daily 15-minute run or walk for all pupils aged 7 to 10, or to continue usual practice. The primary outcome is BMI z-score at 18 months; secondary outcomes include fitness, accelerometer-measured physical activity, wellbeing, attention in class and differences by deprivation and sex.',
        category: 'metabolic-endocrine',
        team: ['Dr Jonah Whiteladies', 'Dr Priti Ormesby'],
      },
      {
        role: 'related',
        title:
          'Reducing sugar-sweetened drinks in primary schools through water fountains and classroom lessons',
        lay: 'Sugary drinks are a big source of sugar for children. We will test whether new water fountains and lessons at school help children drink fewer sugary drinks.',
        abstract:
          'Sugar-sweetened beverages are a major contributor to excess energy intake and dental decay in children. We will randomise 40 primary schools to the installation of chilled water fountains, refillable bottles and a six-lesson curriculum on drinks and health, or to usual practice. The primary outcome is sugar-sweetened beverage intake measured by 24-hour recall at 12 months; secondary outcomes include water intake, BMI z-score and dental caries. Parents and teachers will be interviewed about changes at home and school, and the cost of fountains and lessons will be recorded.',
        category: 'metabolic-endocrine',
        team: ['Dr Priti Ormesby', 'Dr Ross Clevedon'],
      },
    ],
  },
  // g34
  {
    area: 'respiratory',
    entries: [
      {
        role: 'base',
        title:
          'High-flow nasal cannula oxygen for infants with bronchiolitis on general paediatric wards',
        lay: 'Bronchiolitis is a common chest infection in babies that can make breathing hard. We will test whether giving warm, moist oxygen at a high flow through the nose on ordinary children’s wards reduces the need for intensive care.',
        abstract:
          'Bronchiolitis is the most common reason for hospital admission in infancy. High-flow nasal cannula (HFNC) therapy is increasingly used outside intensive care, but its effect when started early on general wards is uncertain. We will randomise 1,200 infants under 12 months admitted with bronchiolitis and an oxygen requirement to HFNC at 2 litres per kilogram per minute or standard low-flow oxygen, with escalation criteria in both arms. The primary outcome is escalation of care to intensive care or high-dependency transfer; secondary outcomes include length of stay, duration of oxygen therapy, adverse events and costs.',
        category: 'respiratory',
        team: ['Dr Saoirse Kettlewell', 'Prof Ade Mountford'],
      },
      {
        role: 'near-duplicate',
        title:
          'Warmed, humidified high-flow air delivered through nasal prongs for babies admitted with a chest virus',
        lay: 'Each winter many babies go into hospital with a virus that inflames the small airways. We will see whether blowing warmed, moistened air and oxygen through small tubes in the nose, started on the ward, means fewer babies need to move to intensive care.',
        abstract:
          'The viral infection of the small airways that affects infants every winter is the leading cause of admission in the first year of life. Heated and humidified gas given at high flow through nasal prongs is now commonly started on ordinary children’s wards, though it is not known whether this early use helps. Around 1,100 babies younger than a year who need extra oxygen will be allocated at random to high-flow support, weight-adjusted, or to conventional oxygen via nasal tubes, with the same rules for stepping up care in each group. The primary outcome is transfer to intensive or high-dependency care. We will also look at time in hospital, duration of oxygen, complications and cost.',
        category: 'respiratory',
        team: ['Dr Maya Lindqvist-Hale', 'Dr Femi Oakenshaw'],
      },
    ],
  },
  // g35
  {
    area: 'eye',
    entries: [
      {
        role: 'base',
        title:
          'Automated artificial intelligence grading of retinal images in the diabetic eye screening programme',
        lay: 'Everyone with diabetes has regular photographs taken of the back of the eye to check for damage. At present, trained staff look at every picture. We will test whether computer software can grade the pictures safely and reduce the workload.',
        abstract:
          'The NHS Diabetic Eye Screening Programme grades over 2 million retinal image sets a year, and demand is rising faster than the grading workforce. Automated retinal image analysis systems using deep learning could triage images, with only positive or ungradable sets passed to human graders. We will compare three commercially available systems against the existing human grading pathway on 150,000 consecutive screening episodes from three programmes, with arbitration of discrepancies by senior graders. Outcomes are sensitivity for referable retinopathy and maculopathy, specificity, the proportion of human grading avoided, performance by ethnicity and camera type, and cost per episode.',
        category: 'eye',
        team: ['Dr Arwen Pilkington', 'Prof Jamal Rushbrooke'],
      },
      {
        role: 'near-duplicate',
        title:
          'Letting software read eye photographs taken at diabetes eye checks: accuracy compared with human graders',
        lay: 'People with diabetes have yearly eye photos to look for damage caused by diabetes. Skilled staff currently check every photo, which takes a lot of time. We will see whether computer programs trained to read the photos are accurate enough to do part of this job.',
        abstract:
          'National screening for sight-threatening eye damage in people with diabetes generates millions of fundus photographs each year, and the staff who assess them are struggling to keep pace. Machine learning software could screen out normal photographs so that people only need to review the remainder. Using some 140,000 sequential screening visits from several regional programmes, we will run three commercial algorithms alongside the usual manual assessment, with senior staff settling disagreements. We will report how often each algorithm correctly spots disease needing referral to an eye clinic and correctly clears healthy eyes, how much manual work could be saved, whether accuracy differs by ethnic group or camera, and the cost per screening visit.',
        category: 'eye',
        team: ['Dr Declan Osmotherley', 'Dr Yasmin Farrowby'],
      },
      {
        role: 'related',
        title:
          'Artificial intelligence detection of glaucoma from optical coherence tomography in community optometry',
        lay: 'Glaucoma slowly damages the nerve at the back of the eye. We will test whether software reading scans done at high-street opticians can spot glaucoma and reduce unnecessary hospital referrals.',
        abstract:
          'Most glaucoma referrals from community optometrists are false positives, overwhelming hospital eye services. Optical coherence tomography is now widely available in high-street practices. We will evaluate a deep learning algorithm that analyses optic nerve head and retinal nerve fibre layer scans against specialist diagnosis in 5,000 people referred with suspected glaucoma. Outcomes are sensitivity, specificity, the proportion of referrals that could safely be avoided and cost. Performance will be compared across scanner models and ethnic groups, and optometrists will be surveyed about how they would use the results.',
        category: 'eye',
        team: ['Prof Jamal Rushbrooke', 'Dr Hedda Vallance'],
      },
    ],
  },
  // g36
  {
    area: 'ear',
    entries: [
      {
        role: 'base',
        title:
          'Self-fitted over-the-counter hearing aids compared with audiologist-fitted devices for adults with mild to moderate hearing loss',
        lay: 'Hearing aids that people can buy and set up themselves are now available. We will test whether they work as well as hearing aids fitted by an audiologist for people with mild or moderate hearing loss.',
        abstract:
          'Hearing loss affects 12 million adults in the UK, but waits for NHS audiology are long and uptake of hearing aids is low. Self-fitting over-the-counter hearing aids could widen access, but their benefit compared with audiologist fitting is uncertain. We will randomise 350 adults aged 50 and over with mild to moderate sensorineural hearing loss to a self-fitting over-the-counter device with app-based set-up or to an NHS audiologist-fitted hearing aid. The primary outcome is self-reported hearing aid benefit at 12 weeks; secondary outcomes include speech-in-noise performance, daily hours of use, satisfaction and cost.',
        category: 'ear',
        team: ['Dr Bronwen Ashdale', 'Dr Kieran Lyttelton'],
      },
    ],
  },
  // g37
  {
    area: 'skin',
    entries: [
      {
        role: 'base',
        title:
          'Daily emollient application from birth to prevent atopic eczema in infants at high risk',
        lay: 'Eczema often starts in the first months of life, especially in families with allergies. We will test whether parents applying moisturiser to their baby’s skin every day from birth prevents eczema.',
        abstract:
          'Atopic eczema affects one in five children, and impaired skin barrier function in early infancy may precede its onset. Trials of daily emollients from birth have given conflicting results, possibly because of differences in product, frequency and adherence. We will randomise 1,000 newborns with a first-degree relative with atopic disease to daily whole-body application of a ceramide-containing emollient for the first 6 months of life, with parental support by text message, or to standard skin-care advice. The primary outcome is eczema diagnosed by a blinded assessor at 12 months; secondary outcomes include eczema severity, food allergy at 2 years, skin infections and adherence.',
        category: 'skin',
        team: ['Dr Harriet Vossington', 'Prof Chidi Ellesmere'],
      },
      {
        role: 'near-duplicate',
        title:
          'Moisturising newborns’ skin every day to stop eczema developing in babies with a family history of allergy',
        lay: 'Babies from families with eczema, asthma or hay fever are more likely to get eczema themselves. We will see whether rubbing a special moisturising cream over the whole body each day for the first six months keeps their skin healthy.',
        abstract:
          'Dry, leaky skin in the first weeks of life may allow allergens through and set off the itchy inflammatory skin condition that affects a fifth of children. Previous studies of regular moisturising from birth disagree, perhaps because the creams used and how often they were applied varied. In this trial, roughly 950 babies whose parent or sibling has allergic disease will be allocated at random either to daily full-body application of a barrier-repair cream containing ceramides by their parents, supported by text prompts, for six months, or to routine advice on caring for baby skin. An assessor unaware of the allocation will check for the condition at one year. We will also look at severity, food allergy by age two and skin infections.',
        category: 'skin',
        team: ['Dr Meera Thackeray', 'Dr Liam Gosforth'],
      },
      {
        role: 'related',
        title:
          'Probiotic supplements in late pregnancy and early infancy to prevent eczema: a randomised trial',
        lay: 'Bacteria in the gut may affect how the immune system develops. We will test whether probiotic supplements taken by mothers in late pregnancy and given to babies prevent eczema.',
        abstract:
          'Alterations in the infant gut microbiome have been linked to allergic disease. We will randomise 800 pregnant women whose baby has a family history of atopy to a probiotic containing Lactobacillus rhamnosus from 35 weeks of gestation until 3 months of breastfeeding, with direct supplementation of the infant, or to placebo. The primary outcome is eczema at 12 months; secondary outcomes include sensitisation to food allergens and the composition of the infant gut microbiota. Stool samples will be collected at birth and at three and twelve months.',
        category: 'skin',
        team: ['Prof Chidi Ellesmere', 'Dr Ottilie Bramhall'],
      },
    ],
  },
  // g38
  {
    area: 'oral-health',
    entries: [
      {
        role: 'base',
        title:
          'Supervised toothbrushing in nurseries to reduce tooth decay in preschool children in deprived areas',
        lay: 'Tooth decay is the most common reason young children have operations under general anaesthetic. We will test whether daily supervised toothbrushing with fluoride toothpaste at nursery reduces decay in areas where it is most common.',
        abstract:
          'Dental caries affects a quarter of five-year-olds in England, with the highest levels in deprived areas, and is the leading cause of elective general anaesthesia in young children. Supervised toothbrushing programmes in early years settings are recommended but unevenly implemented. We will conduct a cluster randomised trial in 90 nurseries in the most deprived areas of the Midlands, randomising nurseries to daily supervised brushing with fluoride toothpaste plus home packs, or usual practice. The primary outcome is the proportion of children with obvious decay at age five; secondary outcomes are dental extractions under general anaesthetic, costs and implementation fidelity.',
        category: 'oral-gastrointestinal',
        team: ['Dr Gwenllian Ashby', 'Dr Faisal Rookwood'],
      },
    ],
  },
  // g39
  {
    area: 'liver',
    entries: [
      {
        role: 'base',
        title:
          'Community transient elastography to detect advanced liver fibrosis in people with type 2 diabetes and obesity',
        lay: 'Fatty liver disease can silently cause scarring of the liver. People with diabetes and obesity are at high risk. We will test whether offering a quick liver scan in the community finds people with serious scarring who need specialist care.',
        abstract:
          'Metabolic dysfunction-associated steatotic liver disease affects most people with type 2 diabetes and obesity, and advanced fibrosis is usually undiagnosed until cirrhosis develops. Non-invasive testing with FIB-4 followed by vibration-controlled transient elastography can identify advanced fibrosis, but access in primary care is limited. We will offer transient elastography in 25 general practices and community diabetes clinics to 4,000 adults with type 2 diabetes and a BMI of 30 or more. Outcomes are the prevalence of liver stiffness above 8 kPa, the yield of advanced fibrosis confirmed by hepatology, referral rates compared with FIB-4 alone, patient acceptability and cost per case detected.',
        category: 'oral-gastrointestinal',
        team: ['Dr Efua Cottingham', 'Prof Rupert Illingworth'],
      },
      {
        role: 'near-duplicate',
        title:
          'Liver stiffness scans in GP surgeries to find hidden scarring of the liver in people with diabetes and excess weight',
        lay: 'People with diabetes who are overweight often have fat in their liver, which can lead to scarring without any symptoms. We will offer a painless scan, similar to an ultrasound, at local surgeries and diabetes clinics to find people with serious scarring early.',
        abstract:
          'Fat build-up in the liver linked to metabolic disease is almost universal among people who have both type 2 diabetes and a high body mass index, and severe scarring typically goes unnoticed until the liver is failing. A blood-based score combined with an ultrasound-based stiffness measurement can detect significant scarring, but hospital clinics are the only place most people can get the scan. We will take portable stiffness scanners into around 25 family practices and diabetes clinics and invite roughly 4,000 patients with type 2 diabetes and obesity. We will report how many have raised stiffness, how many are confirmed by specialists to have severe scarring, how referrals compare with using the blood score alone, what patients think and the cost of each case found.',
        category: 'metabolic-endocrine',
        team: ['Dr Soren Blakeway', 'Dr Adwoa Fenchurch'],
      },
    ],
  },
  // g40
  {
    area: 'critical-care',
    entries: [
      {
        role: 'base',
        title:
          'Post-intensive care follow-up clinics to improve recovery after critical illness: a randomised trial',
        lay: 'After leaving intensive care, many people have lasting problems with weakness, memory, mood and breathing. We will test whether follow-up clinics run by intensive care staff help people recover.',
        abstract:
          'Survivors of critical illness frequently experience persistent physical, cognitive and psychological problems, termed post-intensive care syndrome. Follow-up clinics are offered by some hospitals, but evidence of benefit is limited. We will randomise 600 adults discharged home after at least 3 days of intensive care to a multidisciplinary follow-up clinic at 6 weeks and 4 months with a doctor, nurse, physiotherapist and psychologist, or to usual care. The primary outcome is health-related quality of life at 12 months; secondary outcomes include anxiety, depression, post-traumatic stress, return to work and readmission.',
        category: 'generic-health-relevance',
        team: ['Dr Imelda Strathcarron', 'Dr Jide Kempthorne'],
      },
      {
        role: 'related',
        title: 'Early in-bed cycling for mechanically ventilated adults in intensive care',
        lay: 'Patients on breathing machines in intensive care lose muscle very quickly. We will test whether using a pedal machine in bed early on helps them recover their strength.',
        abstract:
          'Intensive care unit-acquired weakness affects up to half of mechanically ventilated patients and is associated with long-term disability. We will randomise 360 adults expected to be ventilated for at least 48 hours to daily in-bed cycle ergometry started within 4 days of ventilation plus usual physiotherapy, or usual physiotherapy alone. The primary outcome is physical function at hospital discharge; secondary outcomes include muscle thickness by ultrasound, duration of ventilation and quality of life at 6 months. Safety events during cycling will be recorded.',
        category: 'generic-health-relevance',
        team: ['Dr Jide Kempthorne', 'Dr Sunniva Carrick'],
      },
    ],
  },
  // g41
  {
    area: 'palliative',
    entries: [
      {
        role: 'base',
        title:
          'Nurse-facilitated advance care planning conversations for people with advanced heart failure',
        lay: 'People with advanced heart failure rarely get the chance to talk about what care they would want as their illness progresses. We will test whether specialist nurses holding planned conversations with patients and families improves care at the end of life.',
        abstract:
          'Advanced heart failure has an unpredictable course, and patients are less likely than those with cancer to have documented preferences or receive specialist palliative care. We will randomise 420 patients with NYHA class III or IV heart failure and a recent admission to structured advance care planning conversations facilitated by heart failure nurse specialists, with a family member, or to usual care. The primary outcome is concordance between preferred and actual place of death; secondary outcomes include documentation of preferences, quality of life, carer burden and hospital days in the last year of life.',
        category: 'cardiovascular',
        team: ['Dr Agnes Thurlestone', 'Dr Kwesi Ravenscroft'],
      },
      {
        role: 'near-duplicate',
        title:
          'Talking about future care wishes: specialist nurse-led conversations for people living with end-stage heart failure and their families',
        lay: 'When the heart is failing badly, people and their families are seldom asked what matters to them for the time ahead. Specialist nurses will hold planned conversations about future care, and we will see whether more people are then cared for and die where they wish.',
        abstract:
          'End-stage heart failure follows an uncertain path, and compared with people dying of cancer, patients seldom have their wishes recorded or see palliative specialists. In this study, approximately 400 people with severe symptoms of heart failure who have recently been in hospital will be allocated randomly either to a series of planned discussions, led by specialist heart failure nurses and including a relative, about goals, preferences and future treatment, or to normal care. The principal measure is whether people die in the place they had chosen. We will also look at whether wishes were written down, wellbeing, strain on relatives and time spent in hospital during the final year.',
        category: 'cardiovascular',
        team: ['Dr Lowenna Pritchett', 'Prof Ibrahim Castlereagh'],
      },
    ],
  },
  // g42
  {
    area: 'neurological',
    entries: [
      {
        role: 'base',
        title:
          'Exergaming with a home console to improve balance and prevent falls in Parkinson’s disease',
        lay: 'People with Parkinson’s disease often have problems with balance and fall. We will test whether exercise video games played at home improve balance.',
        abstract:
          'Balance impairment and falls are major causes of disability in Parkinson’s disease. Exergaming combines exercise with video game feedback and may increase adherence to home practice. We will randomise 240 people with mild to moderate Parkinson’s disease to 12 weeks of home-based exergaming targeting balance and stepping, with remote physiotherapist monitoring, or usual care. The primary outcome is the Mini-BESTest balance score at 12 weeks; secondary outcomes are falls over 6 months, gait, fear of falling, quality of life and adherence.',
        category: 'neurological',
        team: ['Dr Rhian Delacourt', 'Dr Obinna Sheringham'],
      },
      {
        role: 'related',
        title: 'Tai chi classes for balance and falls in people with Parkinson’s disease',
        lay: 'Tai chi is a gentle form of exercise that may improve balance. We will test whether community tai chi classes reduce falls in people with Parkinson’s.',
        abstract:
          'Tai chi has improved postural stability in small studies of people with Parkinson’s disease. We will randomise 300 people with Parkinson’s disease and a history of falls or near falls to twice-weekly community tai chi classes for 6 months or to a stretching control programme. The primary outcome is the rate of falls over 12 months; secondary outcomes include balance, gait speed, fear of falling, quality of life and adherence. Instructors will receive training in adapting movements for people with Parkinson’s.',
        category: 'neurological',
        team: ['Dr Obinna Sheringham', 'Dr Valerie Pocklington'],
      },
    ],
  },
  // g43
  {
    area: 'blood',
    entries: [
      {
        role: 'base',
        title:
          'Improving uptake of hydroxycarbamide in adults with sickle cell disease through a peer mentoring programme',
        lay: 'Hydroxycarbamide is a medicine that reduces painful crises in sickle cell disease, but many adults do not take it. We will test whether mentoring by others living with sickle cell encourages people to start and keep taking it.',
        abstract:
          'Hydroxycarbamide reduces vaso-occlusive crises, acute chest syndrome and mortality in sickle cell disease, yet fewer than a third of eligible adults in the UK take it regularly, partly because of concerns about fertility and mistrust of services. We will randomise 220 adults with sickle cell anaemia eligible for hydroxycarbamide to a 12-month peer mentoring programme delivered by trained mentors with the condition, or to usual haematology care. The primary outcome is adherence measured by proportion of days covered and fetal haemoglobin response at 12 months; secondary outcomes are painful crises, admissions, quality of life and trust in services.',
        category: 'blood',
        team: ['Dr Abimbola Farnworth', 'Dr Colette Harringay'],
      },
      {
        role: 'near-duplicate',
        title:
          'Mentoring by others with sickle cell to encourage people to start and keep taking hydroxyurea',
        lay: 'A medicine called hydroxyurea prevents many sickle cell pain episodes, but lots of adults choose not to take it or stop. We will see whether support from trained mentors who live with sickle cell themselves helps people take it regularly.',
        abstract:
          'Hydroxyurea lowers the frequency of painful episodes, chest crises and early death in sickle cell anaemia, but only a minority of eligible British adults take it consistently, with worries about fertility and low trust in hospitals among the reasons. In this trial around two hundred adults who could benefit from the drug will be randomly allocated either to a year of one-to-one support from mentors who themselves have sickle cell and have been trained for the role, or to standard haematology follow-up. The main measures are how consistently medicine is collected and the rise in fetal haemoglobin after one year. Pain crises, hospital stays, wellbeing and trust will also be assessed.',
        category: 'blood',
        team: ['Dr Tendai Whitcombe', 'Dr Rosa Quayleford'],
      },
    ],
  },
  // g44
  {
    area: 'infection',
    entries: [
      {
        role: 'base',
        title:
          'An online group rehabilitation programme for breathlessness and fatigue in people with long COVID',
        lay: 'Many people with long COVID still feel breathless and exhausted months after infection. We will test whether an online group programme of breathing exercises, paced activity and support improves their quality of life.',
        abstract:
          'Persistent symptoms after SARS-CoV-2 infection, particularly breathlessness and fatigue, affect around 2 million people in the UK. We will randomise 560 adults with long COVID symptoms for at least 12 weeks to an 8-week online group rehabilitation programme delivered by physiotherapists and occupational therapists, including breathing retraining, activity pacing and symptom management, or to usual care with written advice. The primary outcome is health-related quality of life (EQ-5D-5L) at 3 months; secondary outcomes include breathlessness, fatigue, anxiety, depression, return to work and post-exertional symptom exacerbation.',
        category: 'infection',
        team: ['Dr Morwenna Ashcroft', 'Dr Daniel Okonjo-Hale'],
      },
      {
        role: 'related',
        title: 'Energy management and pacing for fatigue in long COVID: a feasibility study',
        lay: 'Severe tiredness is the most common long COVID symptom. We will test a programme that teaches people how to pace their activities and manage their energy.',
        abstract:
          'Fatigue and post-exertional malaise are the most disabling features of long COVID, and graded exercise may worsen symptoms. We will develop a one-to-one energy management and pacing programme delivered by occupational therapists by video and test it in a feasibility randomised trial with 90 adults with long COVID fatigue. We will assess recruitment, retention, adherence, safety and candidate outcomes including fatigue, function and quality of life. Participants will keep activity diaries and wear a step counter to monitor exertion over the six months.',
        category: 'infection',
        team: ['Dr Daniel Okonjo-Hale', 'Dr Philippa Rawcliffe'],
      },
    ],
  },
  // g45
  {
    area: 'obesity',
    entries: [
      {
        role: 'base',
        title:
          'Weekly GLP-1 receptor agonist injections plus a digital behaviour change programme for adults with obesity in primary care',
        lay: 'New weight-loss injections are very effective but weight often returns when they stop. We will test whether adding an app-based programme to change eating and activity habits helps people keep weight off after stopping.',
        abstract:
          'GLP-1 receptor agonists produce substantial weight loss but most is regained within a year of stopping, and NHS provision is time-limited. Digital behaviour change programmes could help people develop habits that sustain weight loss. We will randomise 500 adults with a BMI of 35 or more starting semaglutide in primary care to a 2-year digital programme of coaching, self-monitoring and habit formation, or standard care. Treatment will stop at 2 years as per guidance. The primary outcome is weight change from baseline to 12 months after stopping; secondary outcomes include waist circumference, HbA1c, blood pressure, eating behaviour and costs.',
        category: 'metabolic-endocrine',
        team: ['Dr Yolanda Fettiplace', 'Dr Conall Brightwater'],
      },
    ],
  },
  // g46
  {
    area: 'neurological',
    entries: [
      {
        role: 'base',
        title:
          'A wrist-worn seizure detection device for adults with epilepsy living alone: a real-world evaluation',
        lay: 'People with epilepsy who live alone may have seizures that nobody sees. We will evaluate whether a watch-like device that detects convulsive seizures and alerts a carer improves safety.',
        abstract:
          'Unwitnessed convulsive seizures are a major risk factor for sudden unexpected death in epilepsy, and people living alone are particularly vulnerable. Wrist-worn devices combining accelerometry and electrodermal activity can detect generalised tonic-clonic seizures and alert a nominated contact. We will provide devices to 200 adults with epilepsy and at least one convulsive seizure in the past year who live alone, and evaluate detection sensitivity against seizure diaries and carer reports, false alarm rates, response times, device acceptability and effects on anxiety and quality of life over 12 months.',
        category: 'neurological',
        team: ['Dr Fenella Huxtable', 'Dr Arash Penrose'],
      },
    ],
  },
  // g47
  {
    area: 'respiratory',
    entries: [
      {
        role: 'base',
        title:
          'Mandibular advancement devices versus CPAP for moderate obstructive sleep apnoea in professional drivers',
        lay: 'Sleep apnoea causes daytime sleepiness, which is dangerous for professional drivers. We will compare a mouth guard that holds the jaw forward with a CPAP breathing machine.',
        abstract:
          'Obstructive sleep apnoea is common among commercial drivers and increases the risk of road traffic collisions. CPAP is effective but poorly tolerated by many, while custom mandibular advancement devices are better tolerated but less effective at reducing the apnoea-hypopnoea index. We will randomise 260 professional drivers with moderate obstructive sleep apnoea to a custom mandibular advancement device or CPAP for 6 months. The primary outcome is driving simulator performance; secondary outcomes include sleepiness, adherence, apnoea-hypopnoea index, blood pressure and licence retention.',
        category: 'respiratory',
        team: ['Dr Kestrel Maitland', 'Dr Vikram Oddington'],
      },
    ],
  },
];

function personId(name: string): string {
  return `evaluation-${name
    .toLowerCase()
    .replace(/^(dr|prof)\s+/, '')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

const challengeTitles = { sarcopenia: 'Sarcopenia', multimorbidity: 'Multimorbidity' } as const;

/** Every evaluation project, ids `eval-g01-base`, `eval-g01-near-duplicate`, `eval-g01-related`. */
export const evaluationProjects: readonly EvaluationProject[] = groups.flatMap((group, index) => {
  const number = index + 1;
  const groupId = `g${String(number).padStart(2, '0')}`;
  return group.entries.map((entry) => ({
    id: `eval-${groupId}-${entry.role}`,
    title: entry.title,
    laySummary: entry.lay,
    abstract: entry.abstract,
    healthCategory: entry.category,
    investigators: entry.team.map((name) => ({ id: personId(name), name })),
    grandChallenges: (entry.challenges ?? []).map((slug) => ({
      id: slug,
      title: challengeTitles[slug],
    })),
    group: groupId,
    area: group.area,
    role: entry.role,
    split: number % 3 === 1 ? ('development' as const) : ('held-out' as const),
  }));
});

/** The labelled near duplicates: each group's base project and its rewritten twin. */
export const nearDuplicatePairs: readonly (readonly [string, string])[] = evaluationProjects
  .filter((project) => project.role === 'near-duplicate')
  .map((project) => [`eval-${project.group}-base`, project.id] as const);

const duplicateKeys = new Set(nearDuplicatePairs.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

/**
 * How two evaluation projects relate: a labelled near duplicate; related (same topic group or same
 * broad area, but a different question); or unrelated.
 */
export function pairRelation(a: EvaluationProject, b: EvaluationProject): PairRelation {
  if (duplicateKeys.has(`${a.id}|${b.id}`)) return 'near-duplicate';
  if (a.group === b.group || a.area === b.area) return 'related';
  return 'unrelated';
}
