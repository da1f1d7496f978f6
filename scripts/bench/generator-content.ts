// Building blocks of the benchmark database: desk names and headline parts, written for Moodwire.
// Stories reuse the demo publication's bodies (db/seed/content), so page sizes match real stories.

/** 40 desks under the demo's 10 sections, three levels deep at most: 50 sections in all. */
export const BENCH_SECTIONS: { slug: string; name: string; parent: string }[] = [
  { slug: 'beijing', name: 'Beijing', parent: 'china-news' },
  { slug: 'shanghai', name: 'Shanghai', parent: 'china-news' },
  { slug: 'pearl-river-delta', name: 'Pearl River Delta', parent: 'china-news' },
  { slug: 'sichuan-chongqing', name: 'Sichuan & Chongqing', parent: 'china-news' },
  { slug: 'hunan', name: 'Hunan', parent: 'china-news' },
  { slug: 'northeast', name: 'The Northeast', parent: 'china-news' },
  { slug: 'education', name: 'Education', parent: 'society' },
  { slug: 'health-care', name: 'Health care', parent: 'society' },
  { slug: 'housing', name: 'Housing', parent: 'society' },
  { slug: 'ageing', name: 'Ageing', parent: 'society' },
  { slug: 'trending-topics', name: 'Trending topics', parent: 'weibo-wire' },
  { slug: 'viral-video', name: 'Viral video', parent: 'weibo-wire' },
  { slug: 'diplomacy', name: 'Diplomacy', parent: 'us-china' },
  { slug: 'trade-talks', name: 'Trade talks', parent: 'us-china' },
  { slug: 'students-abroad', name: 'Students abroad', parent: 'us-china' },
  { slug: 'tourism', name: 'Tourism', parent: 'us-china' },
  { slug: 'defence', name: 'Defence', parent: 'us-china' },
  { slug: 'markets', name: 'Markets', parent: 'business' },
  { slug: 'manufacturing', name: 'Manufacturing', parent: 'business' },
  { slug: 'energy', name: 'Energy', parent: 'business' },
  { slug: 'agriculture', name: 'Agriculture', parent: 'business' },
  { slug: 'property', name: 'Property', parent: 'business' },
  { slug: 'smartphones', name: 'Smartphones', parent: 'tech' },
  { slug: 'electric-vehicles', name: 'Electric vehicles', parent: 'tech' },
  { slug: 'social-apps', name: 'Social apps', parent: 'tech' },
  { slug: 'chips', name: 'Chips', parent: 'tech' },
  { slug: 'film', name: 'Film', parent: 'culture' },
  { slug: 'books', name: 'Books', parent: 'culture' },
  { slug: 'music', name: 'Music', parent: 'culture' },
  { slug: 'food-drink', name: 'Food & drink', parent: 'culture' },
  { slug: 'art', name: 'Art', parent: 'culture' },
  { slug: 'travel', name: 'Travel', parent: 'life' },
  { slug: 'language', name: 'Language', parent: 'life' },
  { slug: 'family', name: 'Family', parent: 'life' },
  { slug: 'basketball', name: 'Basketball', parent: 'sports' },
  { slug: 'football', name: 'Football', parent: 'sports' },
  { slug: 'table-tennis', name: 'Table tennis', parent: 'sports' },
  { slug: 'columns', name: 'Columns', parent: 'opinion' },
  { slug: 'letters', name: 'Letters', parent: 'opinion' },
  { slug: 'editorials', name: 'Editorials', parent: 'opinion' },
];

export const HEADLINE_SUBJECTS = [
  'Shanghai port', 'Soybean farmers', 'Beijing subway', 'Student visa office', 'Rare-earth miners', 'Zoo pandas',
  'Film quota', 'Table tennis squad', 'Electric bus maker', 'Tea growers', 'Night market', 'Chip designers',
  'Weather bureau', 'Ferry operators', 'Museum curators', 'Exchange students', 'High-speed rail', 'Dumpling chain',
  'Basketball league', 'Property developers', 'Delivery riders', 'Village doctors', 'Coal towns', 'Solar farms',
  'Provincial budget', 'Phone makers', 'Trade envoys', 'City planners', 'Tour groups', 'Opera troupe',
  'Football academy', 'Customs officers', 'Game studio', 'Pension funds', 'Language schools', 'River cruise line',
];

/** Infinitive headline verbs ("Tea growers to test fresh tariffs"): they agree with any subject. */
export const HEADLINE_VERBS = [
  'to brace for', 'to bet on', 'to weigh', 'to win', 'to rethink', 'to delay', 'to unveil', 'to push back on',
  'to count the cost of', 'to welcome', 'to drop', 'to double down on', 'to look abroad for', 'to wrestle with',
  'to celebrate', 'to test',
];

export const HEADLINE_OBJECTS = [
  'a record season', 'new safety rules', 'a summer of delays', 'an overseas buyer', 'a second chance', 'tighter budgets',
  'a viral complaint', 'a late-night deal', 'a quieter holiday', 'fresh tariffs', 'a younger audience', 'its first strike',
  'a cross-border partner', 'a flood of orders', 'rising rents', 'a weekend rush', 'an old rivalry', 'a shortage of workers',
];

export const DATELINES = ['BEIJING', 'SHANGHAI', 'GUANGZHOU', 'SHENZHEN', 'CHENGDU', 'CHANGSHA', 'WASHINGTON', 'NEW YORK', 'SAN FRANCISCO', 'HONG KONG'];

/** Share networks and how often each is picked: WeChat and Weibo dominate a Chinese audience. */
export const SHARE_NETWORKS: { network: string; weight: number }[] = [
  { network: 'wechat', weight: 30 },
  { network: 'weibo', weight: 25 },
  { network: 'copy', weight: 12 },
  { network: 'native', weight: 10 },
  { network: 'x', weight: 8 },
  { network: 'facebook', weight: 6 },
  { network: 'email', weight: 4 },
  { network: 'linkedin', weight: 3 },
  { network: 'reddit', weight: 2 },
];
