import type { SeedAuthor } from './types';

// Fictional staff of the demo publication.
export const authors: SeedAuthor[] = [
  {
    slug: 'lin-yue',
    name: 'Lin Yue',
    photo: 'lin-yue.svg',
    bio: 'Lin Yue covers China’s social networks and internet culture from Beijing. She joined Sino-US from a city newspaper in Hangzhou.',
  },
  {
    slug: 'daniel-hart',
    name: 'Daniel Hart',
    photo: 'daniel-hart.svg',
    bio: 'Daniel Hart reports on diplomacy and trade between Washington and Beijing. He has lived in both capitals.',
  },
  {
    slug: 'zhou-ming',
    name: 'Zhou Ming',
    photo: 'zhou-ming.svg',
    bio: 'Zhou Ming writes about families, schools and city life. Before journalism he taught middle-school history in Chengdu.',
  },
  {
    slug: 'grace-okafor',
    name: 'Grace Okafor',
    photo: 'grace-okafor.svg',
    bio: 'Grace Okafor is our business editor, following companies that trade across the Pacific.',
  },
  {
    slug: 'chen-hao',
    name: 'Chen Hao',
    photo: 'chen-hao.svg',
    bio: 'Chen Hao covers technology, telecoms and the app economy from Shenzhen.',
  },
  {
    slug: 'maria-santos',
    name: 'Maria Santos',
    photo: 'maria-santos.svg',
    bio: 'Maria Santos writes about film, books and food, and hosts our weekend culture picks.',
  },
  {
    slug: 'wang-jie',
    name: 'Wang Jie',
    photo: 'wang-jie.svg',
    bio: 'Wang Jie is our sports correspondent, with a soft spot for basketball and table tennis.',
  },
  {
    slug: 'sarah-klein',
    name: 'Sarah Klein',
    photo: 'sarah-klein.svg',
    bio: 'Sarah Klein writes the Life pages: travel, health and the everyday puzzles of living abroad.',
  },
];
