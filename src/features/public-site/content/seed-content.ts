/**
 * Content seeded into the database on first start for the public website.
 *
 * Staff can edit these words later; seeding is keyed on page slug, fact key and
 * organisation slug so that running it again never duplicates anything.
 * Page bodies are GitHub-style markdown. The page title is the h1, so sections use `##`.
 */
import type { Organisation, RegionFact, SitePage } from '../types.js';

const industryHref = '/about#a-single-business-process-for-industry';
const officeEmail = 'research@midlandshealthalliance.example';

export const seedPages: SitePage[] = [
  {
    slug: 'home',
    title: 'Midlands Health Alliance',
    summary:
      'We bring together NIHR Biomedical Research Centres, universities and hospitals across the Midlands to make clinical research faster and better.',
    bodyMarkdown: `## Who we are

The Midlands Health Alliance joins up the region's NIHR Biomedical Research Centres, five universities and four large hospital trusts. We work as one team instead of many separate ones.

Our partners are in Birmingham, Nottingham, Leicester, Coventry and Loughborough. Each has its own strengths. Together we can offer more than any of us can alone.

## Why it matters

We want a step change in clinical research in the Midlands: more studies, and better ones. That means more chances for patients and the public to take part in research. It also means new tests and treatments reach the NHS sooner.

The Midlands is home to 10 million people from many backgrounds. Research that includes them gives answers that work for everyone, not just for a few.

Companies also gain. Today a company may have to contact many hospitals and universities, fill in many forms and wait. We are changing that, so that industry can reach leading NHS investigators quickly and simply.

## What we focus on

Our first two flagship programmes are sarcopenia, the loss of muscle strength as we age, and multimorbidity, living with several long-term conditions. Read more about [our programmes](/programmes).

## Find out more

- [About the alliance](/about)
- [The Midlands](/midlands)
- [Our partners](/partners)
`,
    calloutHeading: 'Working with industry',
    calloutMarkdown: `We offer one business process and one front door for industry. Send us one enquiry and we will coordinate the rest across all our partners.

[How we work with industry](${industryHref})`,
  },
  {
    slug: 'about',
    title: 'About the alliance',
    summary:
      'How our partners work together on one strategy, shared tools and a single route in for industry.',
    bodyMarkdown: `## Our vision

We want the Midlands to do more clinical research, and to do it better. Our research should serve patients, the public and industry.

To get there, our partners have made five promises:

- a clear way to signpost our capabilities to industry
- a single business process for industry
- the same tools and approaches for recruiting patients to studies
- the same tools for setting up studies
- a common strategy that avoids doing the same work twice

We also partner with the Midlands Engine and Midlands Health Innovation. Together we want to win more national and international funding for research, and bring more investment into the region. Speaking with one voice makes the Midlands harder to ignore.

## A common strategy

We agree our research priorities together. That way we make the most of NIHR funding for experimental research across the region.

Before new work starts, we check whether a partner is already doing something similar. If they are, we join forces instead of competing.

## Grand challenges

Our shared priorities are called grand challenges. These are health problems that are too big for one centre to solve alone.

Our first two are [sarcopenia](/programmes/sarcopenia) and [multimorbidity](/programmes/multimorbidity). Both affect large numbers of people in the Midlands.

## Shared translational pipelines

Each Biomedical Research Centre has built ways of moving discoveries from the laboratory into early studies in people. We share what works.

This helps promising findings from experimental medicine move faster into phase 3 trials. From there, the aim is better care for patients in the NHS.

## A single business process for industry

Companies should not have to knock on many doors. We give industry one front door:

- one enquiry, wherever in the Midlands you want to work
- one reference number that follows your study
- one tracked route from first contact to the first participant

Every partner uses the same steps to recruit patients and set up studies. We measure our progress against the national target of 150 days from applying for approval to the first participant. That is 60 days to approval, 60 days to open a site and 30 days to recruit the first participant.

If you contact the NIHR first, its early contact service will reply within 3 working days. We work with it, not against it.
`,
    calloutHeading: 'Talk to us',
    calloutMarkdown: `To discuss a study, email the alliance office at [${officeEmail}](mailto:${officeEmail}).`,
  },
  {
    slug: 'midlands',
    title: 'The Midlands',
    summary:
      'Over 10 million people from many backgrounds live in the Midlands, served by large hospitals and leading universities.',
    bodyMarkdown: `## The Heart of England

People often call the Midlands the Heart of England. It is made up of two regions: the West Midlands and the East Midlands. Together they cover over 28,000 km².

Over 10 million people live here. The population is diverse, with many cultures and communities living side by side. This matters for research. Studies that include people from all backgrounds give results that apply to everyone.

## Health services

The region has 20 acute hospital trusts. Four large ones, in Birmingham, Nottingham, Leicester and Coventry, are partners in the alliance. These are the largest cities in the Midlands.

In 2017-18, hospitals in our partner cities and the areas around them admitted patients over 1.2 million times. This figure comes from the clinical commissioning groups (CCGs) that paid for that care.

The region had over 50 CCGs. In July 2022, integrated care boards (ICBs) replaced CCGs across England. We give the CCG figure because it is the one the admissions figure is based on.

## Universities and business

Five universities are part of the alliance: Birmingham, Nottingham, Leicester, Warwick and Loughborough. They train many of the region's doctors, nurses and scientists.

The Midlands has over 800,000 businesses, from small firms to large companies. They include companies in health, life sciences and technology.

## About our figures

We state the date of a figure when we know it. Some figures, such as the number of admissions, change every year. We will update them when newer figures are published.

The map below shows where our partners are. The same information is also given as a list under the map.
`,
    calloutHeading: null,
    calloutMarkdown: null,
  },
  {
    slug: 'partners',
    title: 'Our partners',
    summary:
      'The universities, NHS trusts and NIHR Biomedical Research Centres that make up the Midlands Health Alliance.',
    bodyMarkdown: `## Who is in the alliance

The alliance has three kinds of partner:

- **universities**, where much of the science starts and where researchers are trained
- **NHS trusts**, which run the hospitals where patients take part in studies
- **NIHR Biomedical Research Centres**, which help turn discoveries into new tests and treatments

Each Biomedical Research Centre is a partnership between a university and an NHS trust. Each is funded by the National Institute for Health and Care Research (NIHR).

Our partners are based in Birmingham, Nottingham, Leicester, Coventry and Loughborough. They keep their own names, their own staff and their own ways of working. What they share is a commitment to work together on research, and to make it easier for patients, the public and industry to work with them.

## Working with our partners

If you want to work with more than one partner, you do not need to contact each one. Contact the alliance office once and we will bring in the right people.

Each partner is listed below, with a short description and a link to its own website.
`,
    calloutHeading: null,
    calloutMarkdown: null,
  },
  {
    slug: 'programmes',
    title: 'Our programmes',
    summary:
      'Our two flagship programmes tackle sarcopenia and multimorbidity, two health problems that affect many people in the Midlands.',
    bodyMarkdown: `We have started with two programmes. Each one focuses on a health problem that is common, serious and too big for one centre to solve alone. Both are especially important for older people.

In each programme, researchers from all our partners work together. We share patient groups, use the same ways of measuring results and avoid running the same study twice.

## Why we chose these programmes

Both problems affect large numbers of people in the Midlands, and both will grow as our population ages. Neither fits neatly into a single medical speciality, so they need people from many fields to work together. That is what the alliance is for.

We expect to add more programmes over time. We will choose them together, as shared priorities, so that partners do not duplicate each other's work.
`,
    calloutHeading: null,
    calloutMarkdown: null,
  },
  {
    slug: 'programmes/sarcopenia',
    title: 'Sarcopenia',
    summary:
      'Sarcopenia is the loss of muscle strength and mass that comes with age. We are working across the Midlands to find better ways to prevent and treat it.',
    bodyMarkdown: `## What sarcopenia is

Sarcopenia is the loss of muscle strength and muscle mass that can happen as we get older. It can make everyday tasks harder, such as climbing stairs, getting up from a chair or carrying shopping.

## How it is defined

We use the definition from the European Working Group on Sarcopenia in Older People (EWGSOP2). It has three stages. Each stage adds a new finding to the one before.

| Stage | What is found | Cut-off for men | Cut-off for women |
|---|---|---|---|
| Probable sarcopenia | Low grip strength | less than 27 kg | less than 16 kg |
| Confirmed sarcopenia | Low grip strength and low muscle mass (appendicular skeletal muscle mass) | less than 20 kg | less than 15 kg |
| Severe sarcopenia | Low grip strength, low muscle mass and low physical performance (gait speed) | 0.8 m/s or slower | 0.8 m/s or slower |

Appendicular skeletal muscle mass is the muscle in the arms and legs. Gait speed is how fast a person walks.

## Why it matters in the Midlands

The number of older people in the Midlands is growing. People with sarcopenia are more likely to fall and break bones. They are more likely to need care and to lose their independence.

Yet sarcopenia is often missed. Few treatments have been tested in large trials.

## What we will do

We will:

- build shared groups of patients (cohorts) across our partners, so studies can recruit enough people
- count how many eligible patients each hospital has, so companies know quickly whether a study is feasible
- agree the same outcome measures, such as grip strength and gait speed, so results can be compared
- work with industry to run trials of new treatments, devices and exercise programmes across several sites

This work brings together experts in ageing, muscle, exercise and nutrition from across the alliance.
`,
    calloutHeading: 'Work with us on sarcopenia',
    calloutMarkdown: `If your company is developing a test, treatment or device for sarcopenia, contact us once and we will involve the right partners.

[How we work with industry](${industryHref})`,
  },
  {
    slug: 'programmes/multimorbidity',
    title: 'Multimorbidity',
    summary:
      'Multimorbidity means living with two or more long-term conditions. We are working to make research include the people who live with it.',
    bodyMarkdown: `## What multimorbidity is

Multimorbidity means living with two or more long-term conditions at the same time. For example, a person might have diabetes, heart disease and depression.

It is very common, and it becomes more common with age. A large Scottish study by Barnett and colleagues, published in The Lancet in 2012, found that:

- about 23% of all people had multimorbidity
- about 65% of people aged 65 to 84 had it
- about 82% of people aged 85 and over had it

## Why it matters

Most clinical trials test one treatment for one condition. Many trials leave out people who have several conditions. This means we know less about how treatments work for the people who use them most.

Health care is also mostly organised around single diseases. A person with several conditions may see many specialists, take many medicines and repeat their story again and again.

In the Midlands, this matters even more. Some of our communities are among the most deprived in England. People in deprived areas tend to develop several conditions at a younger age. Our population is also diverse, and some conditions are more common in some ethnic groups.

## What we will do

We will:

- design studies that include people with several conditions, instead of leaving them out
- use the same ways of recording conditions and outcomes across all our partners
- find out quickly how many eligible patients each hospital has
- make sure studies reach people from all communities in the region
- work with industry on trials of treatments and services for people with several conditions

We bring together experts in many conditions, in data science and in primary and hospital care.
`,
    calloutHeading: 'Work with us on multimorbidity',
    calloutMarkdown: `If your company wants to run a study that includes people with several long-term conditions, contact us once and we will involve the right partners.

[How we work with industry](${industryHref})`,
  },
  {
    slug: 'accessibility',
    title: 'Accessibility statement',
    summary:
      'How accessible this website is, how to report a problem and what we are doing to improve it.',
    bodyMarkdown: `## Using this website

The Midlands Health Alliance runs this website. We want as many people as possible to be able to use it. For example, you should be able to:

- change colours, contrast levels and fonts using your browser or device settings
- zoom in up to 400% without the text spilling off the screen
- move around the website using just a keyboard
- use the website with a screen reader or speech recognition software
- use the website with JavaScript turned off

We have tried to make the text as simple as possible to understand.

[AbilityNet](https://mcmw.abilitynet.org.uk/) has advice on making your device easier to use if you have a disability.

## How accessible this website is

This website is new. We built it to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.

Every page works without JavaScript. Where we use JavaScript, it only adds to what the page already does.

So far we have tested the website with automated checks using axe, and by using it with a keyboard only. We have not yet had a full manual audit or testing with disabled users. Because of this, we cannot yet say that the website is fully compliant. We do not know of any problems at the moment.

## Reporting accessibility problems

We are always looking to improve the accessibility of this website. If you find a problem, or you need information in a different format, email us at [${officeEmail}](mailto:${officeEmail}).

Tell us the web address of the page and what the problem is. We aim to reply within 5 working days.

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing accessibility regulations. If you are not happy with how we respond to your complaint, contact the [Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/).

## What we are doing to improve accessibility

Our automated tests check pages with axe, so we can catch new problems early. We plan to have a full audit by an accessibility specialist, and to test the website with disabled people. We will update this statement when we do.

## Preparation of this statement

We wrote this statement when we launched the website. We will review it at least once a year, and after any major change.
`,
    calloutHeading: null,
    calloutMarkdown: null,
  },
];

export const seedRegionFacts: RegionFact[] = [
  {
    key: 'population',
    position: 1,
    value: '10 million',
    qualifier: 'over',
    label: 'people live in the Midlands',
  },
  {
    key: 'area',
    position: 2,
    value: '28,000 km²',
    qualifier: 'over',
    label: 'across the West and East Midlands',
  },
  {
    key: 'acute-trusts',
    position: 3,
    value: '20',
    qualifier: '',
    label: 'acute hospital trusts',
  },
  {
    key: 'ccgs',
    position: 4,
    value: '50',
    qualifier: 'over',
    label: 'clinical commissioning groups (replaced by integrated care boards in 2022)',
  },
  {
    key: 'admissions',
    position: 5,
    value: '1.2 million',
    qualifier: 'over',
    label: 'hospital admissions in 2017-18',
  },
  {
    key: 'businesses',
    position: 6,
    value: '800,000',
    qualifier: 'over',
    label: 'businesses, small and large',
  },
  {
    key: 'universities',
    position: 7,
    value: '5',
    qualifier: '',
    label: 'partner universities',
  },
];

export const seedOrganisations: Organisation[] = [
  // Universities
  {
    slug: 'university-of-birmingham',
    name: 'University of Birmingham',
    shortName: 'Birmingham',
    type: 'university',
    city: 'Birmingham',
    websiteUrl: 'https://www.birmingham.ac.uk',
    summary:
      'A research university whose medical school sits on the Edgbaston campus next to the Queen Elizabeth Hospital. It brings academic expertise in medicine, health and life sciences to the alliance.',
    latitude: 52.4508,
    longitude: -1.9305,
    isPartner: true,
  },
  {
    slug: 'university-of-nottingham',
    name: 'University of Nottingham',
    shortName: 'Nottingham',
    type: 'university',
    city: 'Nottingham',
    websiteUrl: 'https://www.nottingham.ac.uk',
    summary:
      'A research university whose medical school is based at the Queen’s Medical Centre. It brings academic expertise in medicine, health sciences and medical imaging to the alliance.',
    latitude: 52.9389,
    longitude: -1.1969,
    isPartner: true,
  },
  {
    slug: 'university-of-leicester',
    name: 'University of Leicester',
    shortName: 'Leicester',
    type: 'university',
    city: 'Leicester',
    websiteUrl: 'https://le.ac.uk',
    summary:
      'A research university with a medical school that works closely with Leicester’s hospitals. It brings academic expertise in medicine and health research to the alliance.',
    latitude: 52.6214,
    longitude: -1.1244,
    isPartner: true,
  },
  {
    slug: 'university-of-warwick',
    name: 'University of Warwick',
    shortName: 'Warwick',
    type: 'university',
    city: 'Coventry',
    websiteUrl: 'https://warwick.ac.uk',
    summary:
      'A research university in Coventry, home to Warwick Medical School. It brings academic expertise in medicine, health sciences and clinical trials to the alliance.',
    latitude: 52.3789,
    longitude: -1.5614,
    isPartner: true,
  },
  {
    slug: 'loughborough-university',
    name: 'Loughborough University',
    shortName: 'Loughborough',
    type: 'university',
    city: 'Loughborough',
    websiteUrl: 'https://www.lboro.ac.uk',
    summary:
      'A research university known for sport, exercise and health sciences. It brings expertise in physical activity, lifestyle and health to the alliance.',
    latitude: 52.765,
    longitude: -1.228,
    isPartner: true,
  },
  // NHS trusts
  {
    slug: 'uhb',
    name: 'University Hospitals Birmingham NHS Foundation Trust',
    shortName: 'UHB',
    type: 'nhs-trust',
    city: 'Birmingham',
    websiteUrl: 'https://www.uhb.nhs.uk',
    summary:
      'One of the largest NHS trusts in England, running hospitals across Birmingham and Solihull including the Queen Elizabeth Hospital Birmingham. It gives the alliance access to patients, clinicians and research teams across the West Midlands.',
    latitude: 52.4531,
    longitude: -1.9419,
    isPartner: true,
  },
  {
    slug: 'nuh',
    name: 'Nottingham University Hospitals NHS Trust',
    shortName: 'NUH',
    type: 'nhs-trust',
    city: 'Nottingham',
    websiteUrl: 'https://www.nuh.nhs.uk',
    summary:
      'A large teaching trust that runs the Queen’s Medical Centre and Nottingham City Hospital. It gives the alliance access to patients, clinicians and research teams across the East Midlands.',
    latitude: 52.9436,
    longitude: -1.1865,
    isPartner: true,
  },
  {
    slug: 'uhl',
    name: 'University Hospitals of Leicester NHS Trust',
    shortName: 'UHL',
    type: 'nhs-trust',
    city: 'Leicester',
    websiteUrl: 'https://www.leicestershospitals.nhs.uk',
    summary:
      'A large teaching trust that runs Leicester Royal Infirmary, Leicester General Hospital and Glenfield Hospital. It gives the alliance access to patients, clinicians and research teams serving Leicester, Leicestershire and Rutland.',
    latitude: 52.6263,
    longitude: -1.1359,
    isPartner: true,
  },
  {
    slug: 'uhcw',
    name: 'University Hospitals Coventry and Warwickshire NHS Trust',
    shortName: 'UHCW',
    type: 'nhs-trust',
    city: 'Coventry',
    websiteUrl: 'https://www.uhcw.nhs.uk',
    summary:
      'A teaching trust that runs University Hospital Coventry and the Hospital of St Cross in Rugby. It gives the alliance access to patients, clinicians and research teams across Coventry and Warwickshire.',
    latitude: 52.4211,
    longitude: -1.4396,
    isPartner: true,
  },
  // NIHR Biomedical Research Centres
  {
    slug: 'nihr-birmingham-brc',
    name: 'NIHR Birmingham Biomedical Research Centre',
    shortName: 'Birmingham BRC',
    type: 'nihr-brc',
    city: 'Birmingham',
    websiteUrl: 'https://www.birminghambrc.nihr.ac.uk',
    summary:
      'A partnership between University Hospitals Birmingham and the University of Birmingham, funded by the NIHR, with a focus on inflammation. It brings experimental medicine expertise and early-phase research to the alliance.',
    latitude: 52.4531,
    longitude: -1.9419,
    isPartner: true,
  },
  {
    slug: 'nihr-nottingham-brc',
    name: 'NIHR Nottingham Biomedical Research Centre',
    shortName: 'Nottingham BRC',
    type: 'nihr-brc',
    city: 'Nottingham',
    websiteUrl: 'https://nottinghambrc.nihr.ac.uk',
    summary:
      'A partnership between Nottingham University Hospitals and the University of Nottingham, funded by the NIHR. It brings experimental medicine expertise, including medical imaging, to the alliance.',
    latitude: 52.9436,
    longitude: -1.1865,
    isPartner: true,
  },
  {
    slug: 'nihr-leicester-brc',
    name: 'NIHR Leicester Biomedical Research Centre',
    shortName: 'Leicester BRC',
    type: 'nihr-brc',
    city: 'Leicester',
    websiteUrl: 'https://www.leicesterbrc.nihr.ac.uk',
    summary:
      'A partnership hosted by University Hospitals of Leicester whose partners include the University of Leicester and Loughborough University, funded by the NIHR. It brings experimental medicine expertise in areas such as lifestyle, heart and lung disease to the alliance.',
    latitude: 52.6263,
    longitude: -1.1359,
    isPartner: true,
  },
];
