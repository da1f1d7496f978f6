import type { SeedArticle } from './types';

// Demo stories for Weibo Wire, China News, Society, US-China and Opinion.
// Written for Moodwire's "Sino-US" demo; people quoted are invented unless they are organisations.

const credit = 'Illustration: Sino-US / Moodwire demo';

export const articlesA: SeedArticle[] = [
  // ───────────────────────────── Weibo Wire ─────────────────────────────
  {
    slug: 'wechat-outage-leaves-millions-cut-off',
    title: 'WeChat outage leaves millions cut off for a morning',
    standfirst:
      'Users in at least six provinces found Tencent’s messaging app silent on Monday morning, and many took their frustration to a rival network, Weibo.',
    section: 'weibo-wire',
    author: 'lin-yue',
    dateline: 'BEIJING',
    tags: ['WeChat', 'Tencent', 'Weibo', 'Outage', 'Beijing'],
    publishedAt: '2013-07-22T14:10:00+08:00',
    updatedAt: '2013-07-22T19:25:00+08:00',
    status: 'published',
    hero: {
      file: 'wechat-outage-leaves-millions-cut-off.svg',
      alt: 'A smartphone on a dark blue background shows a grey speech bubble crossed out, while two severed cables spark beneath it.',
      caption:
        'Many users spent Monday morning restarting phones and routers before realising the fault lay with WeChat itself.',
      credit,
    },
    body: `For a few hours on Monday morning, one of China's busiest conversations simply stopped. WeChat (微信, Weixin in Chinese), the mobile messaging app made by Tencent, failed to connect for large numbers of users in Beijing, Guangdong, Zhejiang, Shandong, Heilongjiang and Henan, leaving chats frozen and voice messages stuck behind a spinning wheel.

Most people did not realise at first that the trouble lay anywhere but in their own hands. Posts collected through the morning describe a familiar routine: restart the phone, switch off the wifi, delete the app and install it again, then begin eyeing the router with suspicion. Only when nothing worked did they go looking for company.

They found it on Weibo (新浪微博), the microblogging service run by Sina, a direct competitor of Tencent. Within an hour, complaints about the breakdown were among the most forwarded posts on the platform.

## A rival's front page

The irony was lost on nobody. Weibo has watched WeChat draw away much of its daily chatter since the app arrived, and some users joked that staff at Sina would be quietly celebrating a rare jump in traffic.

> "I spent twenty minutes blaming my phone company, then I opened Weibo and saw half of Guangzhou doing exactly the same thing," said Huang Lixin, a 27-year-old sales assistant in Guangzhou who uses WeChat to stay in touch with her customers.

Others were more theatrical. Posts declared that breakfast had lost its flavour and that the working week was not worth starting without the app. A smaller number of users wondered aloud why a single piece of software had come to matter so much, and suggested that people try making a phone call.

## What the company said

Roughly two hours after the problem began, WeChat's official team account on Weibo, using the rival platform to reach its own users, blamed a "network fault" and said engineers were working to restore service. At around 11am a second post gave more detail: two optical cable lines had suffered a hardware failure, and repairs were under way.

The company did not say how many accounts had been affected. By early afternoon, users in several of the affected provinces reported that messages were arriving again, although some said delivery was slow and that group chats took a while to catch up.

## Why it matters

WeChat's rise has been quick even by the standards of Chinese internet firms. Tencent launched the app in January 2011, and it passed 300 million users in about two years. Much of its appeal rests on one simple feature: hold down a button, speak, let go, and a voice message is sent free over the data connection. For older relatives who find typing Chinese on a touchscreen slow, and for young people who would rather talk than type, it has become the default way to keep in touch.

Its social features, which let people share photos and short updates with friends, have also put it in direct competition with Weibo. Plenty of Weibo users admit in their own posts that they now come back to the microblog mainly when WeChat lets them down.

Zhang Wei, an independent telecoms analyst in Beijing, said the episode showed how much everyday communication now rests on one service.

> "Once a messaging app reaches this size it stops being a convenience and starts behaving like a utility," he said. "People will expect it to be as dependable as the electricity supply, and they will be less forgiving next time."

*Updated at 7.25pm with users’ reports that service had returned to normal in all six provinces. The company has not said when the damaged cables will be fully repaired.*`,
  },
  {
    slug: 'umbrella-bus-driver-photo-moves-wuhan',
    title: 'Photo of a bus driver sheltering a passenger in the rain moves Wuhan',
    standfirst:
      'A blurry phone picture of a driver holding his umbrella over an elderly woman was forwarded more than 80,000 times on Weibo in a day.',
    section: 'weibo-wire',
    author: 'lin-yue',
    dateline: 'WUHAN',
    tags: ['Weibo', 'Viral', 'Wuhan'],
    publishedAt: '2013-06-14T20:45:00+08:00',
    status: 'published',
    hero: {
      file: 'umbrella-bus-driver-photo-moves-wuhan.svg',
      alt: 'Under slanting rain, a figure in a uniform cap holds a blue umbrella over a smaller grey-haired figure beside a green city bus.',
      caption:
        'The driver said any colleague would have done the same for a passenger with bad knees on a slippery kerb.',
      credit,
    },
    body: `The picture is not a good one. It was taken through a rain-streaked bus window, and the two people at its centre are slightly out of focus. But by Friday evening it had been forwarded more than 80,000 times on Weibo, and the man in the uniform had become, for a day at least, the most admired bus driver in Wuhan.

The photo shows a driver on one of the city's cross-river routes standing at a stop in a downpour, holding a blue umbrella over an elderly woman as she steps down from the bus with a cloth shopping bag. His own shoulders are soaked through.

It was posted on Thursday afternoon by Xu Mengyao, a 20-year-old student who was sitting near the back of the bus.

> "Nobody asked him to do it. He just took the umbrella from beside his seat, got out, walked her to the shelter, then came back dripping and drove on," she said. "I only took the picture because I wanted to show my mother."

Her post was picked up overnight by several popular local accounts, and by Friday morning commenters had identified the driver as Liu Jianguo, 46, who has driven buses in the city for 17 years. Reached by phone at his depot, Mr Liu sounded embarrassed by the fuss.

> "Her knees were bad and the kerb was slippery. Any driver would do the same," he said. "My daughter tells me I am famous now. I told her to finish her homework."

## Why this picture

Images of small kindnesses travel fast on Chinese social media, partly because they are so often read against stories of the opposite: passers-by who ignore someone in trouble, or shouting matches between drivers and passengers. Several of the most popular comments under the photo made that comparison directly.

Other commenters were more practical. Among the suggestions that gathered the most support:

- a bonus, or at least a public thank-you, for Mr Liu
- a spare umbrella on every bus during the rainy season
- better drainage at the stop, which floods after every heavy storm
- a seat reserved near the door for elderly passengers on that route

The bus company posted on its own account that it would "recognise" the driver's conduct, without saying how.

Wuhan's plum rain season runs through June and into July, bringing days of heavy showers to the city. Forecasters expect more rain next week, and Ms Xu says she will be watching the front of the bus.`,
  },
  {
    slug: 'weibo-appeal-fills-mountain-school-library',
    title: 'Weibo appeal fills a mountain school’s empty library in ten days',
    standfirst:
      'A village teacher’s post about a school with only forty-one books drew more than 6,000 donations, and a small logistics headache.',
    section: 'weibo-wire',
    author: 'lin-yue',
    dateline: 'GUIYANG',
    tags: ['Weibo', 'Charity', 'Students', 'Education', 'Guizhou'],
    publishedAt: '2013-07-03T10:05:00+08:00',
    updatedAt: '2013-07-03T17:30:00+08:00',
    status: 'published',
    hero: {
      file: 'weibo-appeal-fills-mountain-school-library.svg',
      alt: 'A small white schoolhouse with a red roof sits among green mountains, with a tall stack of colourful books and cardboard boxes beside its door.',
      caption: 'Parents used tricycles and a borrowed truck to carry parcels up from the township post office.',
      credit,
    },
    body: `When Yang Fang counted the books at her school in March, she found forty-one. Most were old textbooks, a few were picture books with missing pages, and one was a farming manual printed in 1987. The school, about three hours by road from the county town in southern Guizhou, teaches 86 children aged between six and twelve.

On 21 June, in the last week of the spring term, Ms Yang posted a photograph of the school's single bookshelf on Weibo, with a short note asking whether anyone had children's books they no longer needed. She had about 300 followers at the time, most of them former classmates from teacher-training college.

Ten days later, the post had been forwarded more than 40,000 times, and the school had received more than 6,000 books, with more still on the way.

## From one shelf to three rooms

The post was first shared by a mother in Guiyang who runs a popular parenting account, then by a chain of larger accounts. By the end of the first weekend, Ms Yang's phone was ringing so often that she handed it to a colleague.

> "I thought maybe twenty people would send a box. I was worried about being embarrassed if nobody did," she said, sitting in a classroom now stacked to the windowsills with cartons. "I never thought about what happens if everybody does."

What happened was a small logistics crisis. The nearest post office that handles parcels is in the township, 14 kilometres away along a narrow road, and it has one van. Staff there began phoning the school each morning to ask for help collecting boxes. Parents came down with tricycles and a borrowed truck.

The donations have come from across the country and beyond it: one parcel arrived from a Chinese student in Vancouver, another from a retired couple in Harbin who slipped a handwritten note into every book.

Some donors did not stop at parcels. A carpenter in Zunyi offered to build shelves if someone paid for the wood, and within an hour a stranger in Chongqing had sent the money. A primary school in Kunming organised a class-by-class collection and sent a card signed by 400 pupils, which now hangs above the library door. Ms Yang has kept a notebook of every sender she can identify, and says she intends to write back to all of them, although at the current rate that will take her most of the summer holiday.

## What arrived

Volunteers who spent last weekend sorting the boxes kept a rough tally:

- about 4,500 children's books, including picture books, fairy tales and popular science
- around 900 books too advanced for primary pupils, mostly novels and exam guides
- more than 300 exercise books, plus boxes of pencils, crayons and paint
- two second-hand laptops, a globe and a bag of badminton rackets

Chen Lu, a university student from the county who came home for the summer and now organises the volunteers, said the unsuitable books would be passed on to the middle school in the township.

> "Everyone wants to help, but not everyone reads the post carefully," she said. "We have a lot of high-school physics. The children here are seven."

## Trust and small appeals

Online appeals like this one have multiplied since a row two years ago over spending at a national charity left many people wary of giving through official channels. Donors say they prefer to send goods straight to a person they can see, and many comments under Ms Yang's post asked for photos of the books on the shelves.

Hu Jianmin, who studies philanthropy at a university in Beijing, said the pattern was typical.

> "People trust a face and a photo more than an annual report," he said. "The risk is that help goes to whoever writes the most moving post, not to the schools that need it most. There are thousands of schools with forty books."

Ms Yang says she knows that. With Ms Chen and two other teachers, she has begun posting the names of nearby village schools that have asked for books, and has urged donors to send new parcels there instead. Every evening she also posts pictures of children reading in what used to be a storeroom, now painted yellow and renamed the library.

On Wednesday afternoon the county education bureau said it would help move surplus books to other schools when term starts in September.

## What the children think

On Tuesday afternoon a group of ten-year-olds had taken over the library's only rug. Asked to name their favourite book, most pointed at a heavily illustrated dinosaur encyclopedia that had come from Shenzhen.

> "We have to take turns," said one boy, Luo Jie, who showed no sign of handing it back. "Teacher says we can make a list."`,
  },
  {
    slug: 'graduation-micro-videos-sweep-campuses',
    title: 'Eight-second farewells: graduation micro-videos sweep China’s campuses',
    standfirst:
      'Students are trading formal class photos for short, silly clips shot on their phones, and posting them to Weibo by the thousand.',
    section: 'weibo-wire',
    author: 'chen-hao',
    dateline: 'NANJING',
    tags: ['Weibo', 'Students', 'Graduation', 'Video'],
    publishedAt: '2013-06-26T19:10:00+08:00',
    status: 'published',
    hero: {
      file: 'graduation-micro-videos-sweep-campuses.svg',
      alt: 'A large smartphone with a play button on its screen against a purple background, with square graduation caps tossed into the air around it.',
      caption: 'Many of this year’s graduation clips last less than ten seconds and are filmed in a single afternoon.',
      credit,
    },
    body: `At Nanjing's universities, the graduation photo used to be a solemn affair: rows of students in rented gowns, a photographer on a stepladder and a long wait in the sun. This June it has a rival. Across the city and far beyond it, students are filming short, chaotic clips of themselves saying goodbye, and posting them on Weibo by the thousand.

The format is loose but easy to recognise. Most clips last under ten seconds. Six roommates hurl their mortarboards at the lens; a class spells out its graduation year with their bodies on a basketball court; a group of friends runs, in slow motion, away from the library for the last time. Many are set to pop songs or to the swelling music usually heard in television dramas.

> "A photo only proves you were there. A video shows what you were like," said Tang Yiwen, 22, a journalism graduate who has made four clips with different groups of friends this month. "Also, nobody looks good in the gown. At least in a video you are moving."

## Phones, not cameras

The craze owes a lot to smartphones with better cameras and to a new crop of apps that make short videos easy to shoot, trim and share. Some let users record in short bursts and stitch them together; others add filters and music automatically. None of it needs editing skills.

Chen Xu, an analyst who follows mobile apps for a consultancy in Shenzhen, said graduation season had given short video its first big moment in China.

> "People have been asking for a year what short video is actually for. Students have just answered: it is for feelings that do not fit in 140 characters," he said.

Weibo has made it easier to post video alongside text, and the official accounts of several universities have started collecting the best clips made by their own students. One Nanjing university held an online vote for its favourite. The winner was a dormitory that re-enacted its first day on campus four years ago, using the same suitcases.

## Not everyone is a fan

Some teachers grumble that filming has swallowed the last week of term, and that the same stunts appear in clip after clip. Campus security guards have had to stop at least one group from filming on a roof.

For most students, though, the clips are a small, cheerful counterweight to a difficult summer in which many are still hunting for work.

> "We don't know where we will be in September," Ms Tang said. "So we want to keep this part."`,
  },
  {
    slug: 'cool-air-cadgers-heatwave-slang-spreads',
    title: '“Cool-air cadgers”: Shanghai’s heatwave gives Weibo a new word',
    standfirst:
      'A teasing label for people who spend hot afternoons in malls, bookshops and metro stations has become one of the summer’s most-used tags.',
    section: 'weibo-wire',
    author: 'lin-yue',
    dateline: 'SHANGHAI',
    tags: ['Weibo', 'Slang', 'Heatwave', 'Shanghai'],
    publishedAt: '2013-08-09T22:15:00+08:00',
    status: 'published',
    hero: {
      file: 'cool-air-cadgers-heatwave-slang-spreads.svg',
      alt: 'A split scene: on the left a blazing orange sun over hot pavement, on the right a cool blue shop interior where small figures sit on a bench under an air-conditioning vent.',
      caption: 'Shop owners are divided over the visitors who come in for the air conditioning rather than to buy.',
      credit,
    },
    body: `As Shanghai sweats through another week of fierce heat, Weibo users have coined a name for a group of people who have become a familiar sight across the city: the cengliang zu, which translates roughly as "cool-air cadgers".

The term covers anyone who spends the hottest hours of the day somewhere with free air conditioning: shopping malls, bookshops, bank lobbies, metro stations and the chilled aisles of supermarkets. Photos tagged with the phrase have spread widely this week. One shows a row of elderly men asleep on benches in a metro concourse; another shows a family having a picnic on the floor of a furniture store's display bedroom.

> "It is 39 degrees outside and my flat faces west. The bookshop is cold, quiet and free, so I bring my knitting," said Fan Guilan, 67, a retired textile worker who has spent most afternoons this month in a bookshop near her home in Putuo district. "I buy one book a week, so they don't mind."

## Shop owners divided

Reactions from shop owners, posted and reposted under the tag, range from sympathy to irritation. Some have put out extra chairs and jugs of water. Others complain that visitors take seats meant for paying customers and leave behind nothing but litter.

A manager at a mall in central Shanghai, who gave only his surname, Qian, said the mall had decided not to turn anyone away.

> "In weather like this, asking an old person to leave would be a terrible thing to do," he said. "We only ask people not to lie down in front of the shops."

## A word with a wink

Like a lot of Weibo slang, the term is more teasing than hostile, and many people who use it include themselves. Office workers post pictures of themselves lingering in their building's lobby after hours; students describe day-long study sessions in air-conditioned cafés on a single cup of coffee.

Users have also been swapping tips on where to find the best chill:

- supermarket frozen-food aisles, "for emergencies only"
- underground shopping streets beside metro stations
- public libraries, which are quieter but fill up early
- cinemas showing long films at off-peak prices

Forecasters expect the heat to ease slightly next week. For the city's cool-air cadgers, the season is far from over.`,
  },

  // ───────────────────────────── China News ─────────────────────────────
  {
    slug: 'record-graduate-class-meets-cooler-job-market',
    title: 'A record class of graduates meets a cooler job market',
    standfirst:
      'Nearly seven million students leave university this summer, and many are finding that job offers come fewer, later and smaller than they had hoped.',
    section: 'china-news',
    author: 'grace-okafor',
    dateline: 'BEIJING',
    tags: ['Students', 'Jobs', 'Graduation', 'Beijing'],
    publishedAt: '2013-06-18T07:30:00+08:00',
    status: 'published',
    hero: {
      file: 'record-graduate-class-meets-cooler-job-market.svg',
      alt: 'A line of simple figures in graduation caps stands on a teal background beside a bar chart whose bars step downwards, with a briefcase at the end of the line.',
      caption: 'Recruiters say companies are still hiring graduates but taking much longer to decide.',
      credit,
    },
    body: `Gao Yuxin has sent out 63 job applications since March. She has a spreadsheet to prove it, colour-coded by sector: banks in blue, state-owned companies in green, foreign firms in orange, and a lengthening red column for employers who never replied.

> "I have had five interviews and one offer, and the offer was for a sales job in a city I have never visited," said Ms Gao, 22, who graduates this month with a finance degree from a university in Beijing. "My parents say take it. My classmates say wait. I am still thinking."

She is one of nearly seven million students finishing university in China this summer, the largest graduating class the country has ever produced. The government has called graduate employment a priority, but many in this year's class are finding that offers are fewer, later and less generous than the ones their older classmates received.

## A slower economy, a bigger class

Part of the problem is arithmetic. Universities have expanded steadily for more than a decade, and each summer's class has been bigger than the one before. Meanwhile economic growth has slowed, and several industries that once hired graduates in large numbers, among them export manufacturing and property, have turned cautious.

Recruiters describe a market that has cooled without freezing. Ma Lihua, who runs a small recruitment agency in Beijing's Haidian district, said firms are still hiring but are taking longer to make up their minds.

> "Last year a good candidate would have two or three offers by May. This year plenty of them are still waiting in June," she said. "Companies want internship experience, good English, sometimes a driving licence. Everybody wants a graduate who has already been trained by someone else."

Graduates and recruiters point to a handful of areas that are still taking on staff:

- internet and e-commerce companies, especially in customer service and operations
- private education, including tutoring and test preparation
- healthcare and pharmaceuticals
- sales jobs in consumer goods, often outside the biggest cities

## The civil-service queue

For many students the safest choice remains a government job. Applications for civil-service posts have climbed sharply in recent years, and some popular positions draw hundreds of candidates each. Students describe the entrance test as a second gaokao.

Sun Peng, 23, studied mechanical engineering but spent most of his final year preparing for a provincial civil-service exam instead of looking for factory work.

> "Engineering jobs exist, but they are in industrial zones far from anywhere, and the starting pay is low," he said. "A government job is stable, and my family would be proud. If I fail this year, I will try again next year."

Others are choosing more study. Applications for postgraduate places have also risen, and some students admit that a master's degree is partly a way to put off the job hunt for two or three years.

A smaller group is trying something riskier. On campuses in Beijing, Hangzhou and Shenzhen, students talk about setting up online shops, small design studios or delivery services, encouraged by stories of young founders who struck it rich. Local governments offer start-up loans and cheap office space to graduates who go it alone. Most of these ventures will be tiny, and many will fail, but those behind them say the alternative, months of waiting for a reply to yet another application, feels worse.

## Going home, or going west

Officials have encouraged graduates to look beyond the crowded eastern cities, offering incentives to those who take jobs in rural areas or in the western provinces. Some are accepting; others are heading back to smaller home towns where living costs are lower and family connections can open doors.

Deng Qiang, an economist at a Beijing university who studies the labour market, said the expectations of graduates and employers had not yet caught up with each other.

> "A degree used to be a ticket to an office job in a big city. Now it is closer to a basic requirement," he said. "Starting salaries have barely moved, while rents in Beijing and Shanghai keep climbing. A lot of young people are doing the sums and deciding that a second-tier city offers a better life."

Ms Gao has to give her answer by the end of the month. She has booked a train ticket to visit the city where she has been offered the sales job, and has promised herself she will keep applying in Beijing until the day she leaves.

> "My spreadsheet still has room," she said.`,
  },
  {
    slug: 'heatwave-tightens-grip-on-yangtze-delta',
    title: 'Heatwave tightens its grip on Shanghai and the Yangtze delta',
    standfirst:
      'Weeks of extreme temperatures are straining power grids, filling emergency rooms and reshaping the daily routine across eastern China.',
    section: 'china-news',
    author: 'sarah-klein',
    dateline: 'SHANGHAI',
    tags: ['Heatwave', 'Shanghai', 'Health', 'Weather'],
    publishedAt: '2013-08-06T15:30:00+08:00',
    updatedAt: '2013-08-06T20:10:00+08:00',
    status: 'published',
    hero: {
      file: 'heatwave-tightens-grip-on-yangtze-delta.svg',
      alt: 'A huge glowing sun hangs over a dark red city skyline, beside a tall thermometer filled almost to the top.',
      caption: 'Afternoon temperatures in Shanghai have passed 38C on most days for more than two weeks.',
      credit,
    },
    body: `Shanghai's weather bureau issued its highest heat warning again on Tuesday, as a heatwave that has gripped eastern China since early July showed no sign of breaking. Afternoon temperatures in the city have topped 38C on most days for more than two weeks, and forecasters say the coming days could be hotter still.

The heat reaches well beyond Shanghai. Cities across Zhejiang, Jiangsu, Anhui, Hubei and Hunan have recorded weeks of temperatures near or above 40C in places, with little relief after dark. In some areas rivers and reservoirs have dropped sharply, and farmers are worried about the rice crop.

## Hospitals and power lines

Doctors in Shanghai say heatstroke cases have risen steadily, particularly among outdoor workers and elderly people who live alone. Pan Yiqing, an emergency doctor at a hospital in Xuhui district, said her department had been seeing several heat-related patients a day.

> "The most serious cases are not the young men who collapse on a building site, because someone finds them quickly," she said. "It is the old person alone in a top-floor flat who will not turn on the air conditioner because of the electricity bill."

Grid operators say power demand has hit record levels in several provinces, and some factories have been asked to move shifts to the night to ease the load during the afternoon peak.

## Rearranging the day

Across the region, daily life has bent around the heat. Outdoor work on building sites is supposed to stop during the hottest part of the afternoon once temperatures pass set limits, and many employers pay a summer heat allowance. Parks and riverside walks fill up after dark, when families come out to stroll, play cards and eat.

Doctors and local health officials have repeated a familiar list of advice:

- drink water regularly, before you feel thirsty
- stay indoors between 11am and 4pm where possible
- check on elderly neighbours and relatives who live alone
- never leave children or pets in a parked car

## When will it end?

Forecasters blame a subtropical high-pressure system that has parked itself over eastern China, and say relief may come only with a passing typhoon or a shift in the pattern later in the month.

Until then, residents are making do. On a crowded riverside promenade on Monday night, Jiang Weimin, a 71-year-old retired engineer, sat on a folding stool with a damp towel over his head.

> "When I was a child we had no air conditioning, and the only fans were paper ones," he said. "We survived. But I don't remember it ever being this hot for this long."

*Updated at 8.10pm: the weather bureau extended its heat warning to the end of the week.*`,
  },

  // ───────────────────────────── Society ─────────────────────────────
  {
    slug: 'parents-keep-vigil-as-gaokao-begins',
    title: 'Parents keep vigil outside exam halls as the gaokao begins',
    standfirst:
      'More than nine million students sat the first paper of China’s university entrance exam on Friday, while their families waited at the school gates.',
    section: 'society',
    author: 'zhou-ming',
    dateline: 'CHENGDU',
    tags: ['Gaokao', 'Students', 'Families', 'Education'],
    publishedAt: '2013-06-07T11:20:00+08:00',
    updatedAt: '2013-06-07T16:05:00+08:00',
    status: 'published',
    hero: {
      file: 'parents-keep-vigil-as-gaokao-begins.svg',
      alt: 'A closed school gate beneath a large wall clock, with a row of small seated figures holding umbrellas and fans waiting outside on a warm beige street.',
      caption: 'Some parents took two days off work to wait outside the exam hall in Chengdu.',
      credit,
    },
    body: `At a quarter past nine on Friday morning, the gates of a middle school in Chengdu's Wuhou district swung shut, and the street outside fell strangely quiet. Inside, more than a thousand students had just turned over the first paper of the gaokao, China's national university entrance exam. Outside, several hundred parents settled in to wait.

They had come prepared. Along the pavement, mothers and fathers sat on folding stools under umbrellas, with flasks of tea, bottles of herbal drinks and paper fans. A few had brought newspapers; most simply watched the gate.

> "I know I cannot help her in there, but I could not sit at home either," said Deng Xiuying, 45, whose daughter was taking the exam. "I took two days off work. My husband comes at lunchtime to take over."

## Two days, one number

More than nine million students are registered for the exam this year. Over two or three days, depending on the province, they sit papers in Chinese, mathematics, a foreign language and a cluster of science or humanities subjects. The total score largely decides which universities they can enter, and for many families it is the most important week since the child was born.

Cities do what they can to help. Around exam halls, traffic police ban car horns, building sites near schools are told to fall silent, and some taxi drivers give candidates free rides. In Chengdu this year, volunteers in red vests handed out water and directions, and a few hotels near popular exam sites were fully booked by families hoping to avoid the morning traffic.

Families also keep a range of smaller customs, some practical and some for luck:

- students wear something red for good fortune
- some mothers wear a qipao, whose name sounds like a wish for a winning start
- breakfast may be one fried dough stick and two eggs, which together look like a perfect 100
- nobody discusses answers until the last paper is over

## The long wait

The morning paper ended at half past eleven. When the gates opened, parents pressed forward, scanning faces. Most students came out quickly, chatting and laughing; a few walked out in silence and were hugged without a word.

Xie Yang, 18, who hopes to study civil engineering, said the Chinese paper had been harder than he expected but that the essay question suited him.

> "My mother asked how it went before I was even through the gate," he said. "I told her I am not allowed to say until it is all over."

The exam continues into the weekend. Results are due in late June, when students will choose their universities in a process that can be almost as nerve-racking as the exam itself.

When the gates opened again after the afternoon mathematics paper, the mood outside was noticeably quieter, and several parents said their children had found it tough.

*Updated at 4.05pm with scenes from the end of the afternoon paper.*`,
  },
  {
    slug: 'square-dancers-and-neighbours-strike-truce',
    title: 'Square dancers and their neighbours strike a truce over the volume',
    standfirst:
      'After months of complaints, a residential compound in Hefei has agreed rules on when, where and how loudly its evening dancers may perform.',
    section: 'society',
    author: 'maria-santos',
    dateline: 'HEFEI',
    tags: ['Square dancing', 'Neighbours', 'Retirees', 'Families'],
    publishedAt: '2013-07-09T21:00:00+08:00',
    status: 'published',
    hero: {
      file: 'square-dancers-and-neighbours-strike-truce.svg',
      alt: 'At dusk under a pink and purple sky, small figures dance in a square between apartment blocks with lit windows, beside a speaker on a trolley sending out curved sound waves.',
      caption: 'The compound’s new rules mark the agreed volume on the speaker’s dial with a strip of tape.',
      credit,
    },
    body: `Every evening at a quarter to eight, the small square between Building 6 and Building 9 of a residential compound in Hefei's Shushan district fills with about sixty women and a handful of men, most of them retired. A portable speaker on a trolley crackles into life, and for the next hour the group works through a repertoire of pop songs, folk tunes and a few steps borrowed from ballroom dancing.

For the dancers, it is the best part of the day. For some of the people living in the flats around the square, it has been a nightly ordeal.

> "I work early shifts, so I go to bed at nine," said Ding Jun, 34, a nurse whose third-floor flat overlooks the square. "Last winter I could hear every word of the same song through closed windows. I complained to the property office eleven times."

Square dancing, or guangchangwu, has become one of the most popular pastimes among Chinese retirees, and one of the most contentious. Quarrels between dancers and residents over noise are a regular subject of local news and online argument.

## Meeting in the middle

In this compound, the dispute came to a head in May, when a group of residents taped a notice to the building doors asking for the dancing to stop altogether. The dancers replied with a notice of their own. The residents' committee then called a meeting, held in the square itself, which about 150 people attended.

After two evenings of discussion, both sides agreed a set of rules, which went up on a board beside the square last week:

1. dancing may start no earlier than 7.45pm and must end by 9pm
2. the speaker's volume is fixed in advance and marked on the dial with tape
3. the speaker faces away from Building 6, where most complaints came from
4. no dancing on the nights before the university entrance exam
5. a monthly meeting to deal with any new complaints

Liu Yuzhen, 61, who leads the group, said the rules were fair, although she still thinks some neighbours are oversensitive.

> "We are not young people in a nightclub. We are grandmothers keeping healthy," she said. "But we also have grandchildren who need to sleep. So, fine, we turn it down."

## Will it last?

Ms Ding said the evenings had been noticeably quieter since the agreement, and that she had even joined the dancers once, on a day off.

> "The music is still not my taste," she said. "But when it is quieter, you can see how much they are enjoying themselves. It is hard to stay angry at people who are that happy."

Compromises like this are becoming more common as residents' committees learn to mediate and some districts set aside more public space. Bao Lin, who studies urban communities at a university in Hefei, said the dances meet a real need.

> "Many of these women spent their working lives in factories and then looked after grandchildren. The square is the first space that is really theirs," she said. "The answer is not to ban them, but to find them somewhere they can be loud without keeping a nurse awake."`,
  },
  {
    slug: 'migrant-parents-bring-children-to-city-for-summer',
    title: 'Summer reunions: migrant parents bring their children to the factory towns',
    standfirst:
      'For a few weeks each year, children raised by grandparents in the countryside come to live in the rented rooms where their parents work.',
    section: 'society',
    author: 'zhou-ming',
    dateline: 'DONGGUAN',
    tags: ['Families', 'Migrant workers', 'Children', 'Students'],
    publishedAt: '2013-07-30T12:40:00+08:00',
    status: 'published',
    hero: {
      file: 'migrant-parents-bring-children-to-city-for-summer.svg',
      alt: 'An adult and a small child hold hands on a station platform beside a green train, with factory roofs and chimneys on a pale yellow horizon.',
      caption:
        'For many children raised in villages, the summer holiday is the only time of year they live with both parents.',
      credit,
    },
    body: `The overnight train from Sichuan pulled into Dongguan just after six in the morning, and by seven Zhao Xiaomei, nine, was sitting on a plastic stool in her parents' rented room, eating a steamed bun and looking around at the place where her mother and father spend eleven months of the year.

The room measures about ten square metres, with one bed, a fan, a gas ring and a window onto an alley. Her father, Zhao Qiang, works on an assembly line at an electronics factory ten minutes' walk away; her mother packs shoes at another.

> "She asked where her bed was," said Mrs Zhao, 33, laughing. "I told her this is her bed. We will put a mat on the floor for her father."

Xiaomei is one of millions of Chinese children raised in the countryside by grandparents while their parents work in distant cities. Researchers call them "left-behind children". For many, the summer holiday is the only time of year they live with their parents, and in the factory towns of the Pearl River Delta it has become a season of its own.

## A season of small arrivals

From early July, the long-distance coaches and trains into Guangdong carry noticeably more children. Some travel with grandparents; others come with a relative or a neighbour who is making the journey anyway. A few of the oldest travel alone.

Once they arrive, the children have to fit into lives built around shifts. Most parents cannot take more than a day or two off, and in the busy summer season working days can stretch past ten hours.

That leaves a practical question: what do the children do all day? Answers gathered this month in a few streets of one Dongguan neighbourhood included:

- staying in the rented room with the television or a phone
- trailing an older cousin around the neighbourhood
- sitting in a corner of a relative's shop or food stall
- joining one of a growing number of summer classes run by volunteers and community centres

## The classroom above the noodle shop

One of those classes meets in a room above a noodle restaurant, lent by the owner. Around forty children aged six to fourteen come each weekday morning for reading, drawing and English, taught mainly by university students on summer placements.

Liang Hui, a social-work student from Guangzhou who helps run it, said the point was as much about safety as study.

> "Parents worry about children alone in a room all day, or near the roads, or swimming in the canals when it is hot," she said. "Here they get lunch, someone keeps an eye on them, and they make friends from other provinces. A child from Henan and a child from Guizhou can sit together and both be new."

On Sunday afternoons the class holds an open session, when parents who have the day off can see what their children have been doing. Ms Liang said many fathers in particular had never seen their children's drawings before.

The walls of the room are covered with those drawings. Many show the same few things: a train, a factory gate, a house with a grandmother in the doorway. One, by an eight-year-old girl from Hunan, shows her parents at a long table covered in tiny shoes, with herself standing on a chair to see over the edge. Ms Liang said the children often drew their parents' workplaces before they had ever seen them, copying what they had been told on the phone.

## Goodbyes in August

For families, the reunion comes with a deadline. School in the home villages starts again in September, and the children must go back. Some parents would like to keep them in the city, but rules that link school places to a family's household registration, or hukou, make it hard and expensive for migrant children to enrol in local state schools, and private schools for migrants can be crowded and costly.

Wu Dong, a researcher who has studied migrant families in Guangdong for a decade, said summer visits had become more common as wages rose and rail links improved, but that the basic separation had not changed.

> "A month a year is better than nothing, and the children remember it," he said. "But you cannot build a relationship in a month. Many parents tell me their child is polite to them, like a guest."

Mr Zhao has already bought his daughter's return ticket for 25 August. Before then, he has promised to take her to see the sea on Sunday. She has never seen it, and he has seen it only once, although he has lived less than an hour away from it for six years.

> "She keeps asking if it is bigger than the reservoir at home," he said. "I told her we will find out together."`,
  },

  // ───────────────────────────── US-China ─────────────────────────────
  {
    slug: 'analysts-temper-hopes-for-desert-summit',
    title: 'Analysts temper hopes for an informal summit in the California desert',
    standfirst:
      'The presidents of China and the United States meet this weekend at a private estate near Palm Springs, in a format built for conversation rather than communiqués.',
    section: 'us-china',
    author: 'daniel-hart',
    dateline: 'WASHINGTON',
    tags: ['Diplomacy', 'Summit', 'Trade', 'Washington'],
    publishedAt: '2013-06-06T09:30:00-04:00',
    updatedAt: '2013-06-06T15:10:00-04:00',
    status: 'published',
    hero: {
      file: 'analysts-temper-hopes-for-desert-summit.svg',
      alt: 'Two empty armchairs face each other on a terrace under an orange and pink desert sunset, with palm trees and low mountains behind.',
      caption: 'Officials on both sides say the two-day meeting has no detailed script and no joint statement planned.',
      credit,
    },
    body: `When the presidents of the United States and China sit down on Friday at Sunnylands, a walled estate in the desert town of Rancho Mirage, California, there will be no state banquet and no stack of agreements waiting to be signed. Officials on both sides say there is no detailed script either. The two-day meeting, arranged at fairly short notice, has been billed as a chance for the two leaders to get to know each other in shirtsleeves.

Analysts in Washington welcome the format but warn against expecting breakthroughs.

> "The value of this meeting is the conversation itself, not what comes out of it on paper," said Rebecca Lowell, a former government trade official who now advises companies on Asian markets. "If they spend eight hours together and come away with a clearer sense of each other's red lines, that is a success."

## A crowded agenda

Even an informal meeting will have a long list of difficult subjects. Officials and analysts expect the talks to touch on:

- cyber security, after months of accusations that hacking traced to China has targeted American companies and government agencies
- North Korea and its nuclear programme
- trade and market access, including the exchange rate and intellectual property
- maritime disputes in the East and South China Seas
- climate change and energy

Cyber security in particular has become a sore point. Washington has raised it with growing bluntness this year, while Beijing rejects the accusations and says China is itself a major victim of hacking.

## Getting acquainted

The setting reflects a wish on both sides to lower the temperature. China's new president took office in March, and the meeting comes early in the American president's second term. Chinese officials have spoken of building a new kind of relationship between an established power and a rising one, though what that would mean in practice remains vague.

Tang Jun, who researches US-China relations at a think tank in Shanghai, said the personal element mattered more than it might appear.

> "In our system, a leader's personal judgement of his counterpart shapes how the whole bureaucracy behaves," he said. "If the two men trust each other a little more, the officials beneath them will find it easier to compromise."

## Low expectations, by design

Officials have been careful not to promise results, and no joint statement is planned. Some critics in Congress argue that the meeting risks rewarding Beijing without securing commitments on hacking or trade; others say that regular, frank contact is the only way to stop disagreements from hardening into crises.

Ms Lowell said the real test would come later.

> "Watch the next six months: the trade talks, the military contacts, the tone on cyber," she said. "That will tell you whether the trip to the desert was worth it."

*Updated at 3.10pm with the final schedule: the leaders will hold talks on Friday afternoon and evening and again on Saturday morning.*`,
  },
  {
    slug: 'dialogue-ends-with-investment-treaty-push',
    title: 'Annual dialogue ends with a push to revive investment treaty talks',
    standfirst:
      'Two days of high-level meetings in Washington produced no grand bargain, but business groups welcomed a commitment to negotiate a broader investment treaty.',
    section: 'us-china',
    author: 'daniel-hart',
    dateline: 'WASHINGTON',
    tags: ['Trade', 'Diplomacy', 'Investment', 'Washington'],
    publishedAt: '2013-07-11T19:40:00-04:00',
    updatedAt: '2013-07-11T22:05:00-04:00',
    status: 'published',
    hero: {
      file: 'dialogue-ends-with-investment-treaty-push.svg',
      alt: 'A long polished negotiating table seen from above on a slate-blue background, with rows of chairs on each side and neat stacks of papers in the middle.',
      caption: 'The annual dialogue brings together officials from dozens of agencies on both sides.',
      credit,
    },
    body: `Senior officials from China and the United States wrapped up two days of talks in Washington on Thursday with a string of modest agreements and one that business groups said could matter a great deal: a commitment to push ahead with a bilateral investment treaty on broader terms than before.

The annual Strategic and Economic Dialogue gathers hundreds of officials from dozens of agencies on both sides. This year's meeting, the first since both governments changed their leadership teams, ranged from climate change to financial regulation.

## The treaty

Talks on an investment treaty have run on and off for five years with little to show for it. This week, China agreed to negotiate on the basis that the treaty would cover every stage of investment, including the right to set up a business in the first place, and that any sectors closed to foreign investors would be named explicitly, rather than the other way round.

Trade lawyers call this a "negative list" approach, and say it marks a real change.

> "Until now, foreign companies have had to search for the industries they are allowed into. With a negative list, everything is open unless it is named," said Karen Whitfield, a trade lawyer in Washington who advises American manufacturers. "That is a very different starting point, if both sides stick to it."

## What else was agreed

Officials described a long list of smaller outcomes, among them:

- further cooperation on cutting emissions from heavy trucks and on capturing carbon from power plants
- continued talks on access to financial markets and on regulation
- more regular contact between the two sides' experts on cyber issues

Chinese officials, for their part, pressed for looser American controls on high-technology exports and for fair treatment of Chinese companies investing in the United States, several of which have run into national-security reviews.

## A cautious welcome

Business groups in both countries welcomed the treaty commitment but said the real test would come in the negotiating room. Fan Xiaodong, an economist at a research institute in Beijing, said the list of excluded sectors would decide how much the treaty actually opened up.

> "A negative list can be short, or it can be very long," he said. "If it is long, the change of approach is mostly symbolic. If it is short, it would be one of the most important economic reforms in years."

No date has been set for the next round of treaty talks.

*Updated at 10.05pm with reaction from business groups.*`,
  },
  {
    slug: 'student-visa-queues-lengthen-in-beijing',
    title: 'Visa queues lengthen in Beijing as students head for US campuses',
    standfirst:
      'Summer is peak season at the American embassy’s visa section, where thousands of Chinese students line up each day with their documents and their nerves.',
    section: 'us-china',
    author: 'daniel-hart',
    dateline: 'BEIJING',
    tags: ['Students', 'Visas', 'Education', 'Beijing', 'Travel'],
    publishedAt: '2013-07-16T08:45:00+08:00',
    status: 'published',
    hero: {
      file: 'student-visa-queues-lengthen-in-beijing.svg',
      alt: 'A queue of small figures holding folders stretches towards a pale building on a light blue background, while an aeroplane crosses the sky and an oversized red passport stands to one side.',
      caption: 'July and August are the busiest months for student visa interviews in China.',
      credit,
    },
    body: `By seven on Tuesday morning, the line outside the visa section of the US embassy in Beijing's Chaoyang district already reached around the corner, past a row of trees and a cluster of hawkers selling bottled water, plastic folders and photocopies. Most of the people in it were young, and most were hugging thick folders to their chests.

July and August are the busiest months of the year for American student visas in China. Undergraduates and graduate students who have won places at US universities must be interviewed in person before they can travel, and the shape of the academic year squeezes thousands of interviews into a few weeks.

## The folder

Students say getting ready for the interview is a project in its own right. Online forums are full of detailed advice, and agencies in Beijing charge for mock interviews. Most applicants bring far more paper than they are ever asked to show. A typical folder, according to students waiting on Tuesday, holds:

1. the passport and the confirmation page of the online application
2. the form from the university confirming admission
3. the receipt for the student visa fee
4. bank statements showing the family can cover tuition and living costs
5. transcripts, test scores and, for graduate students, a research plan

> "My mother made me bring my kindergarten certificate," said Liu Xinyi, 18, who will study economics at a university in Ohio. "I said the officer will not want to see it. She said, just in case."

## Two minutes at the window

The interview itself is brief. Applicants describe standing at a window and answering a handful of questions in English or Chinese: what they will study, who is paying, what they plan to do afterwards. Many say it lasts less than three minutes.

For most, the news is good. But a minority are told their case needs further administrative processing, a delay that can run for weeks, and a few are refused. Students in science and engineering say they are more likely to face extra checks.

Wang Hao, 24, who has a place on a doctoral programme in materials science in Pennsylvania, was interviewed a fortnight ago and is still waiting.

> "The officer was friendly. He said nothing is wrong, they just need to check. But my programme starts in August and I have already paid a deposit on an apartment," he said. "Every morning I check the website."

## Why they keep going

Chinese students now form the largest group of international students in the United States, close to 200,000 in the last academic year by one widely cited count, and their number has risen every year for more than five years. The fastest growth has been among undergraduates, many from newly prosperous families who have decided that the gaokao is not the only route to a good future.

Families give a range of reasons: the reputation of American universities, the chance to master English, more flexible courses, and a wish to escape the pressure of China's own entrance exam. Some hope their children will find work in the US after graduating; others expect them to come home with a foreign degree that will stand out in a crowded job market.

Zhou Lan, who runs an education consultancy in Beijing, said the profile of her clients had changed quickly.

> "Five years ago my clients were mostly graduate students with scholarships. Now most are eighteen-year-olds whose parents pay the full cost," she said. "Many have never lived away from home. The visa interview is the first time they have to speak for themselves."

American diplomats have said they are working to cut waiting times for appointments in China, and the consulates in Shanghai, Guangzhou, Chengdu and Shenyang also handle student visas.

The trade around the queue is busy too. Copy shops near the embassy stay open from dawn, and a few vendors sell seats on folding stools to parents who plan to wait all morning. One woman, who gave only her surname, Fu, said she had rented out stools on the same corner every summer for six years, and that business had never been better. She charges five yuan a morning, and throws in a newspaper for free.

Outside the embassy, Ms Liu came out just after ten, smiling and holding her passport above her head for her mother, who had waited across the street all morning.

> "He asked me three questions," she said. "I practised for three weeks."`,
  },
  {
    slug: 'chinese-tour-groups-crowd-new-york-outlets',
    title: 'Chinese tour groups put outlet malls on the New York itinerary',
    standfirst:
      'Between the Statue of Liberty and Times Square, many visitors from China now set aside a whole day for discount shopping, and retailers are adapting.',
    section: 'us-china',
    author: 'grace-okafor',
    dateline: 'NEW YORK',
    tags: ['Tourism', 'Shopping', 'New York', 'Travel'],
    publishedAt: '2013-08-19T11:00:00-04:00',
    status: 'published',
    hero: {
      file: 'chinese-tour-groups-crowd-new-york-outlets.svg',
      alt: 'Brightly coloured shopping bags in the foreground, a white tour coach in the middle and a teal city skyline behind, on a soft pink background.',
      caption: 'Tour operators say a full day of outlet shopping is now standard on week-long East Coast trips.',
      credit,
    },
    body: `The coach from Manhattan pulled into the car park just after ten on Saturday morning, and within minutes its forty passengers had scattered across the outlet mall with the brisk purpose of people who had planned this day for months.

> "We have four hours," said their guide, Jenny Lu, standing by the coach door with a clipboard. "Last time two people missed the bus because they were queuing to pay. I waited. This time I will not wait."

Outlet malls within a couple of hours' drive of New York City have become a fixture on the itineraries of Chinese tour groups. For many visitors, American and European fashion brands cost far less here than at home, where import duties and retail mark-ups can add a great deal to the price of a handbag or a pair of trainers.

> "A bag like this costs almost twice as much in Hangzhou," said Song Meiling, 41, an accountant, holding up a leather tote. "My colleagues gave me a list. I am shopping for six people."

## Retailers take note

The shops have noticed. Several now have Mandarin-speaking staff at weekends, put up signs in Chinese and accept UnionPay, the Chinese bank card network. Some limit how many items from a popular line each shopper may buy, to stop resellers from clearing the shelves.

Maria Delgado, who manages a shoe store at the mall, said visitors from China now account for a large share of her weekend sales.

> "They know exactly what they want. They come in with photos on their phones," she said. "We learned to keep the small sizes in stock."

## Numbers on the rise

Visits from China to the United States have grown quickly in recent years, helped by a growing middle class and by shorter waits for visitor visas. American tourism officials say Chinese travellers also spend more per trip than visitors from most other countries, and shopping makes up a big part of that.

Tour operators say a typical week-long East Coast trip now looks something like this:

- two days in New York, with a harbour cruise and a walk around Times Square
- a day in Washington for the monuments
- a stop at a famous university campus, often in Boston or New Haven
- one full day set aside for outlet shopping

For Ms Lu, the outlet day is the easiest of the week.

> "Nobody complains about the bus, nobody is tired, nobody asks me about history," she said. "They only ask where to buy a bigger suitcase."`,
  },

  // ───────────────────────────── Opinion ─────────────────────────────
  {
    slug: 'column-gaokao-is-a-door-not-a-verdict',
    title: 'The gaokao is a door, not a verdict',
    standfirst:
      'Thirteen years of teaching taught me that the exam decides far less about a life than it seems to in June.',
    section: 'opinion',
    author: 'zhou-ming',
    dateline: 'CHENGDU',
    tags: ['Gaokao', 'Students', 'Education', 'Columns'],
    publishedAt: '2013-06-10T08:00:00+08:00',
    status: 'published',
    hero: {
      file: 'column-gaokao-is-a-door-not-a-verdict.svg',
      alt: 'A tall wooden door stands half open on a brown wall, with warm golden light spilling through it onto a winding path.',
      caption: 'Every June, families treat the exam score as final; a former teacher argues it rarely is.',
      credit,
    },
    body: `Every year in the first week of June, I think about a boy I taught in Chengdu in 2004. I will call him Xiaolong, which was not his name. He was funny and restless, could recite long passages of classical poetry from memory, and was hopeless at mathematics. On the second afternoon of the gaokao that year he came out of the maths paper, sat down on the kerb outside the school and cried. His father, who had waited in the heat all day, sat down beside him and said nothing at all.

Xiaolong's score was not good enough for the university he wanted. It was barely good enough for any university. For a month, his family behaved as though someone had died.

I saw him again last year. He runs a small travel company that takes groups into the mountains of western Sichuan, and he is doing well. He told me the worst week of his life was the one after the results came out, and that he can no longer remember his score.

## What the exam measures

I taught middle-school history for thirteen years before I became a journalist, and I do not want to pretend the gaokao does not matter. It does. For many families it is the fairest chance they have: a test that does not care who your father is, or whether you grew up in a village or a city. The stories of students from poor counties who reach the best universities through sheer hard work are true, and they deserve to be celebrated.

But I also watched what the exam does to the year before it. I watched sixteen-year-olds give up sleep, sport, music and friends, and parents give up their own lives to help them. I watched good students decide they were failures because of ten points.

## What I tell parents now

Last week, more than nine million young people sat the exam. By the end of the month they will have their scores. Parents who ask me for advice get the same short list:

- a score is a snapshot of two or three days, not a measure of a person
- there are more routes to a decent life than there were twenty years ago, including vocational training, study abroad and a second attempt
- your child will remember how you reacted far longer than they will remember the number

The last point matters most. I have forgotten almost all of my students' results. I have not forgotten Xiaolong's father on that kerb, saying nothing, with one hand on his son's shoulder. He got it exactly right.`,
  },
  {
    slug: 'column-a-morning-without-wechat',
    title: 'What a morning without WeChat taught me',
    standfirst: 'Monday’s outage was an inconvenience. It was also the first quiet morning I have had in two years.',
    section: 'opinion',
    author: 'lin-yue',
    dateline: 'BEIJING',
    tags: ['WeChat', 'Weibo', 'Social media', 'Columns', 'Beijing'],
    publishedAt: '2013-07-24T09:00:00+08:00',
    status: 'published',
    hero: {
      file: 'column-a-morning-without-wechat.svg',
      alt: 'A woman sits by a sunny window with a cup of tea, her phone lying face down on the table, in soft sage green and cream tones.',
      caption:
        'Our social media correspondent spent Monday’s outage doing something she had not done in months: phoning her mother.',
      credit,
    },
    body: `I noticed at about half past six on Monday. I was lying in bed, checking my phone before I had properly opened my eyes, a habit I am not proud of, and the familiar green screen would not load. I restarted the phone. I switched the wifi off and on again. I was wondering what to do about my router when I finally did the sensible thing and opened Weibo, where I found a few hundred thousand people having exactly the same morning.

As a reporter who covers China's social networks, I spent the next several hours doing my job: tracking complaints, waiting for statements, counting provinces. I wrote that story on Monday. Here I want to write about the other thing that happened, which is that for about five hours I could not be reached by almost anyone who matters to me.

## The quiet

My mother, who lives in Hangzhou, sends me a voice message every morning. It is usually about the weather, or what she is cooking, or whether I am eating properly. On Monday nothing came. By nine o'clock I was a little worried, and I realised I had not phoned her, an actual phone call, since the Spring Festival.

So I called. She was surprised and delighted, and we talked for twenty minutes, far longer than any of our voice messages. She told me about a neighbour's new puppy and about the heat, and asked when I was coming home. I said September. It was the best conversation we have had in months.

## The noise

I am not going to pretend I will give up the app. I use it for work, for friends, and for my building's residents' group, which is where I find out that the water is about to be switched off. Nearly everyone I know is on it, and it has made many things easier. My grandfather, who never learned to type Chinese on a phone, sends me voice messages that I treasure.

But the outage made me notice a few things about how I use it:

- I check it before I get out of bed, and often before I have said good morning to anyone in person
- I belong to 31 group chats, and I have muted 24 of them
- I send my mother voice messages instead of calling her because it is quicker, and she deserves better than quicker

## A small resolution

My friends on Weibo were only half joking when they called Monday the end of the world. What struck me was how quickly the world rearranged itself. People phoned, sent emails and walked over to colleagues' desks. Nothing essential was lost.

I have made one change since. On Sunday evenings, I call my mother. She has already told me she would prefer Saturdays.`,
  },

  // ───────────────────────────── Draft (never public) ─────────────────────────────
  {
    slug: 'night-markets-reopen-after-summer-storms',
    title: 'Night markets reopen after summer storms',
    standfirst:
      'Stallholders in Guangzhou’s old quarter are back in business after a week of flooding, though not all of them have returned.',
    section: 'society',
    author: 'zhou-ming',
    dateline: 'GUANGZHOU',
    tags: ['Night markets', 'Guangzhou', 'Food'],
    status: 'draft',
    hero: {
      file: 'night-markets-reopen-after-summer-storms.svg',
      alt: 'A row of market stalls with red and yellow lanterns glows against a dark navy night sky, their lights reflected in puddles on the street.',
      caption: 'Placeholder caption: replace once the photo desk confirms the final image.',
      credit,
    },
    body: `The first stalls went up again on Thursday evening on the street behind [CHECK street name with district office], five days after the storms that flooded much of the old quarter and closed the night market for the first time in [how many years? ask Mr Huang].

By nine o'clock about [NUMBER] of the usual stallholders were back, selling grilled squid, rice noodle rolls, sugarcane juice and plastic sandals under strings of bare bulbs. The ground was still damp, and several stalls stood on bricks to keep their gas bottles out of the puddles.

> "We lost two days of stock and a freezer," said Huang [first name?], who has sold fried oysters here for [NN] years. "But people still need to eat, and it is too hot to cook at home."

Customers seemed glad to be back. A young couple said they had walked past the shuttered street every night during the flooding just to see if anything had changed. [Get their names, or cut.]

## Still to do

- quote from the district market office on hygiene inspections, and whether this month's stall fees will be waived
- rainfall totals from the weather bureau; do not use the figure going round on Weibo
- a second stallholder, ideally someone who has not reopened and why
- photo of the drainage works; the current hero is only a placeholder

[TK: a paragraph on how the market started, possibly in the 1990s, and why the city let it stay when other street markets were cleared. Needs a real source, not guesswork.]

[TK: the sugarcane seller said something good about the rain and the price of cane. Find the note.]

Note for the desk: the ending is weak and the piece is about 200 words short. Do not schedule until I have been back on Saturday night. Talk on Monday.`,
  },
];
