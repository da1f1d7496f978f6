// Site furniture for the demo publication "Sino-US" (Pacific Bridge Media, an invented company).
// All text is written for the Moodwire demo. Addresses, partners and people are fictional.

export const siteSettings = {
  siteName: 'Sino-US',
  tagline: 'News, business and everyday life across the Pacific',
  aboutBlurb:
    'Sino-US is a small English-language newsroom covering China, the United States and the people who move between them. We report on business, technology, culture, sport and daily life, and under every story we ask one question: how did it make you feel?',
  copyrightHolder: 'Pacific Bridge Media',
};

export const pages: {
  slug: 'about' | 'contact' | 'copyright' | 'terms' | 'privacy';
  title: string;
  body: string;
}[] = [
  {
    slug: 'about',
    title: 'About us',
    body: `Sino-US is an English-language news site about China, the United States and the many connections between them. We are published by Pacific Bridge Media, a small independent company, and run by a newsroom of eight writers and editors based in Beijing, Shenzhen, Shanghai and New York.

## What we cover

We write about the things that link the two countries, and about daily life in each of them:

- **China News**, including **Weibo Wire**, our look at what China's social networks are talking about, and **Society**, on families, schools and cities;
- **US-China**: diplomacy, trade, students and travellers;
- **Business** and **Tech**: companies, markets, phones, apps and the people who build them;
- **Culture**, **Life** and **Sports**: food, books, music, travel, health and the athletes who cross the ocean;
- **Opinion**: columns from our writers and guests.

We try to explain rather than shout. Our reporters talk to shopkeepers, students, coaches and engineers as well as officials and analysts, and we say clearly when something is unconfirmed.

## How the mood vote works

At the end of every story you will find eight buttons: **Touched, Sympathetic, Bored, Angry, Amused, Sad, Happy** and **No comment**. Choose the one that best matches how the story left you feeling. Each reader has one vote per story.

The running totals show how other readers reacted, whether a story left them touched, angry or simply amused. We read the results too: they tell us far more than page views about what our coverage means to you. Voting is anonymous, and our privacy policy explains exactly what we store when you do.

## Get in touch

Spotted a mistake, or have a story we should know about? Our contact page explains how to reach the newsroom.`,
  },
  {
    slug: 'contact',
    title: 'Contact us',
    body: `We are a small team, but we read everything that reaches us.

## Newsroom

Email **newsroom@example.com** with questions, comments or ideas for stories. We aim to reply within two working days.

## Corrections

Accuracy matters to us. If you think we have got something wrong, write to newsroom@example.com with "Correction" in the subject line, the headline of the story and what you believe is incorrect. An editor reviews every request. When we correct a story, we add a note at the end saying what was changed and when.

## Tips

If you have information you think we should report, email the newsroom and tell us as much as you are comfortable sharing. Please do not send confidential documents as attachments until a reporter has discussed with you how best to share them. We do not reveal our sources.

## Post

Pacific Bridge Media
Sino-US Newsroom
Unit 0, 123 Imaginary Harbour Road
Example City, EX 00000

This address is a placeholder for the demo site; letters sent there will not reach anyone.

## Advertising and partnerships

For advertising, syndication or partnership enquiries, write to newsroom@example.com and we will pass your message to the right person.`,
  },
  {
    slug: 'copyright',
    title: 'Copyright',
    body: `Unless stated otherwise, all articles, illustrations and other material on Sino-US are © Pacific Bridge Media. All rights reserved.

## What you may do

- Read, print and save articles for your own personal, non-commercial use.
- Share links to our stories, including through the share buttons under each article.
- Quote short extracts for comment, criticism, review or news reporting, as long as you credit Sino-US and link to the original story.

## What needs our permission

- Republishing a whole article, or a substantial part of one, on another website, in print or in a newsletter.
- Using our illustrations or photographs anywhere else.
- Any commercial use of our content, including training or feeding automated systems with it.

To ask for permission, email newsroom@example.com with details of what you want to use and where.

## Material from others

Some content, such as quotations, may belong to other people. Where that is the case we say so, and their rights remain with them.

## Reporting a problem

If you believe something on this site infringes your copyright, please write to newsroom@example.com with a description of the material and where it appears. We will look into it promptly and remove it if necessary.`,
  },
  {
    slug: 'terms',
    title: 'Terms of use',
    body: `These terms apply to everyone who uses Sino-US, a website published by Pacific Bridge Media. By using the site you agree to them. If you do not agree, please do not use the site.

## Our content

We work hard to make our reporting accurate and fair, but news moves quickly and stories are sometimes updated or corrected after publication. Articles are provided for general information only and are not financial, legal, medical or other professional advice. Our copyright page explains how you may use what we publish.

## Mood votes

Under each story you can choose one of eight moods. Please vote honestly and only once per story. You must not use scripts, bots or other automated means to cast or change votes, or try to manipulate the totals in any other way. We may remove votes that we believe were not cast by real readers.

## Acceptable use

When using the site you agree not to:

- interfere with its security or operation, or try to gain access to parts of it that are not public;
- overload it with automated requests or scrape it at scale;
- use it for anything unlawful.

## Links and sharing

Share buttons let you send a link to a story using other services. Those services have their own terms, and we are not responsible for them.

## Availability and liability

We provide the site as it is and may change, suspend or withdraw any part of it at any time. As far as the law allows, Pacific Bridge Media is not liable for any loss arising from your use of the site or your reliance on its content.

## Changes to these terms

We may update these terms from time to time. The version published on this page is the one that applies. Questions can be sent to newsroom@example.com.`,
  },
  {
    slug: 'privacy',
    title: 'Privacy policy',
    body: `We collect as little about you as we can. This page explains, in plain language, what the site stores and why.

## Reading the site

You can read every story without an account, and simply reading does not set any cookie. We do not sell information about our readers.

## When you vote

The first time you choose a mood under a story, we store a random, anonymous reader ID in a cookie on your device. It contains no name, email address or other personal details. We use it only to make sure each reader counts once per story. If you never vote, this cookie is never set. You can delete it at any time in your browser settings; your earlier votes stay in the totals, but they can no longer be linked to your device.

## Your IP address

To stop one person casting hundreds of votes, we check how many votes come from the same connection. **Your IP address is never stored.** Instead, it is passed through a one-way hash together with a secret key that changes every day. The key is never stored with the data, so the hash alone, even in a copy of our database, cannot be turned back into your address. Only the resulting hash is kept, and it is deleted within 48 hours. Because the key changes daily, hashes cannot be linked across days.

## Share buttons

The share buttons under each story are plain links. They load nothing from other sites, so social networks cannot see that you visited a page unless you click one and choose to share.

## Staff sign-in

Members of our newsroom sign in to write and edit stories. Signing in sets a session cookie that keeps them logged in; it is used for nothing else. Readers never need to sign in.

## Email

If you write to us, we use your message and email address only to reply, and we delete correspondence we no longer need.

## Questions

For any question about privacy, or to ask what we hold about you, email newsroom@example.com.`,
  },
];

export const partners: { name: string; url: string }[] = [
  { name: 'Trans-Pacific Reporting Fund', url: 'https://example.org/transpacific-reporting-fund' },
  { name: 'Harbour Lights Translation Collective', url: 'https://example.org/harbour-lights-translation' },
  { name: 'Two Shores Student Network', url: 'https://example.org/two-shores-students' },
  { name: 'Meridian Community Press Alliance', url: 'https://example.com/meridian-press-alliance' },
  { name: 'Jade River Culture Foundation', url: 'https://example.com/jade-river-culture' },
];

export const promo: { title: string; body: string; linkLabel: string; linkUrl: string } = {
  title: 'Summer of Shanghai',
  body: 'Jazz basements, late-night noodle shops and riverside walks: our culture desk spends the summer exploring Shanghai after dark. New stories every week.',
  linkLabel: 'Read the series',
  linkUrl: '/section/culture',
};
