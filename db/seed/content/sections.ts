import type { SeedSection } from './types';

export const sections: SeedSection[] = [
  {
    slug: 'china-news',
    name: 'China News',
    description: 'What is happening across mainland China, from Beijing to the provinces.',
  },
  {
    slug: 'weibo-wire',
    name: 'Weibo Wire',
    parent: 'china-news',
    description: 'The stories China’s social networks are talking about, and the people behind the posts.',
  },
  {
    slug: 'society',
    name: 'Society',
    parent: 'china-news',
    description: 'Families, cities, schools and the changing shape of everyday life in China.',
  },
  {
    slug: 'us-china',
    name: 'US-China',
    description: 'Diplomacy, trade, students and travellers on both sides of the Pacific.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Companies, markets and the money that moves between China and the US.',
  },
  {
    slug: 'tech',
    name: 'Tech',
    parent: 'business',
    description: 'Apps, phones, networks and the firms that build them.',
  },
  { slug: 'culture', name: 'Culture', description: 'Film, books, food, music and the arts.' },
  { slug: 'life', name: 'Life', description: 'Travel, health, language and living between two cultures.' },
  {
    slug: 'sports',
    name: 'Sports',
    description: 'Basketball, football, table tennis and the athletes who cross the ocean.',
  },
  { slug: 'opinion', name: 'Opinion', description: 'Columns and commentary from our writers and guests.' },
];
