import type { SeedArticle } from './types';

// Demo stories for the Business, Tech, Culture, Life and Sports sections.
// Everything here is invented for the Moodwire demo: the people, their quotes,
// the small businesses and clubs. Companies and institutions named as
// organisations are only used as background.

const CREDIT = 'Illustration: Sino-US / Moodwire demo';

export const articlesB: SeedArticle[] = [
  // ───────────────────────────── Business ─────────────────────────────
  {
    slug: 'high-point-furniture-makers-dongguan-suppliers',
    title: 'Carolina furniture makers and their Chinese suppliers learn to share the work',
    standfirst:
      'A decade after imports hollowed out North Carolina’s furniture towns, some local firms are finding that a mix of overseas parts and home-grown craft keeps them going.',
    section: 'business',
    author: 'grace-okafor',
    dateline: 'HIGH POINT',
    tags: ['Trade', 'Manufacturing', 'Furniture'],
    publishedAt: '2013-07-05T14:20:00-04:00',
    status: 'published',
    hero: {
      file: 'high-point-furniture-makers-dongguan-suppliers.svg',
      alt: 'Flat illustration of a bare wooden chair frame beside a finished blue upholstered armchair, with a container ship on the sea behind them.',
      caption: 'Frames cross the Pacific; the finishing still happens in North Carolina.',
      credit: CREDIT,
    },
    body: `The showroom at Brantley & Sons in High Point, North Carolina, looks much as it did twenty years ago: solid wood dining tables, deep upholstered armchairs, a dresser with hand-cut dovetail joints. What has changed is how the pieces are made. The frames of many of the chairs now arrive in containers from a factory in Dongguan, in southern China. The finishing, upholstery and final assembly happen in a workshop behind the showroom, where thirty-two people work.

"Ten years ago I thought we would close," said Ray Brantley, the third generation of his family to run the business. "Half the factories in this county did. We survived by deciding what we had to make ourselves and what we could buy."

## A hard decade

North Carolina was for a long time the heart of American furniture making. From the late 1990s onwards, imports from China and elsewhere in Asia, where labour cost a fraction as much, undercut local producers. Plants shut, and towns that had depended on them for generations lost thousands of jobs.

The firms that remain have mostly moved upmarket, into custom orders, better materials and faster delivery. Many also buy components abroad.

Mr Brantley's arrangement with his Chinese supplier began in 2006. His company sends drawings and specifications; the Dongguan factory cuts and assembles the wooden frames and ships them unfinished. In High Point, his staff apply stains and lacquers, fit the cushions and fabric chosen by the customer, and inspect every piece before it leaves.

## Costs are shifting

That division of labour is now being tested. Wages in southern China have risen quickly, the yuan has strengthened, and freight rates swing from season to season. At the same time, American customers increasingly want to pick their own fabrics and finishes, and to receive their furniture in weeks rather than months.

Mr Brantley says the sums no longer favour China as clearly as they once did. He weighs the same handful of questions for every new product:

- what the frame costs delivered to his loading dock, including freight and duties;
- how long the customer is willing to wait;
- how many variations of a design he expects to sell;
- how often pieces are damaged in shipping.

For some simple designs he has started making frames in High Point again, on computer-controlled cutting machines that need far fewer hands than the old production lines.

> "Everybody talks about factories coming back," said Tonya Greer, who runs a training course for furniture workers at a local community college. "What is coming back is smaller, more skilled and more automated. We have students learning to programme routers, not just to sand wood."

## The view from Dongguan

The pressure runs both ways. Mr Brantley visits his supplier once a year and says its managers have worries of their own: higher wages, young workers who are less willing to do repetitive jobs, and customers who want smaller orders at shorter notice. The factory has bought new machinery and now sells furniture under its own brand inside China.

"They are not the cheap option any more," he said. "They are a partner who is very good at what they do. That is a different conversation."

Brantley & Sons expects to add six jobs in High Point this year. It is a small number next to the losses of the past decade, but in a workshop that once seemed certain to close, it feels like a lot.`,
  },
  {
    slug: 'yiwu-small-exporters-stronger-yuan',
    title: 'Small exporters in Yiwu feel the squeeze of a stronger yuan',
    standfirst:
      'Traders who sell Christmas decorations and plastic toys to American buyers say a rising currency and higher wages are eating into margins that were already thin.',
    section: 'business',
    author: 'daniel-hart',
    dateline: 'YIWU',
    tags: ['Trade', 'Exports', 'Manufacturing'],
    publishedAt: '2013-06-24T08:45:00+08:00',
    updatedAt: '2013-06-24T12:10:00+08:00',
    status: 'published',
    hero: {
      file: 'yiwu-small-exporters-stronger-yuan.svg',
      alt: 'Flat illustration of stacked cardboard boxes topped with red, gold and green baubles, beside a rising green arrow and a gold yuan sign on a dark red background.',
      caption: 'Christmas stock is ordered in June, long before the exchange rate is known.',
      credit: CREDIT,
    },
    body: `Christmas arrives early in Yiwu. By the middle of June, the showrooms of the city's vast wholesale market are already full of tinsel, plastic reindeer and boxes of glass baubles, and buyers from the United States are placing their orders for the coming winter.

This year many of the sellers behind the counters are less cheerful than their stock. The yuan has strengthened steadily against the dollar, so every dollar a buyer pays is worth fewer yuan by the time it lands in a supplier's account. Meanwhile the wages that workshops pay have gone up year after year.

"Our customers in America want the same price as last year, sometimes lower," said Zhu Qinghua, who runs a family business making artificial wreaths and garlands. "But I pay my workers more, I pay more for the wire and the plastic, and the dollar buys less. Something has to give."

## Cutting where they can

Exporters describe several ways of protecting their margins:

- quoting in yuan rather than dollars, so the buyer carries the currency risk;
- keeping quotes valid for a few weeks instead of three months;
- simplifying designs to save a step on the production line;
- moving some work to smaller workshops in cheaper inland counties.

Not every customer accepts that. Large American retailers, with buying offices in the region, have the weight to insist on dollar prices and long payment terms. Smaller importers are more flexible, but they also order less.

Peng Lili, an agent who links American gift-shop chains with Yiwu suppliers, said she now spends more of her week renegotiating than she did two years ago. "Buyers ask for a price with a cushion for the currency built in," she said. "Both sides are guessing where the exchange rate will be when the container leaves the port."

## Tighter credit

Credit is another worry. Many small firms rely on short-term loans to buy raw materials before the buyer pays. A sudden jump in short-term borrowing costs between Chinese banks this month has made local lenders more cautious, according to several business owners, who said their banks had asked for extra paperwork before rolling over loans.

None of the traders interviewed expected Yiwu to lose its place as a supplier of cheap everyday goods. The city's strength is range: a buyer can find thousands of products under one roof and fill a mixed container in a single visit. But several expect the number of small sellers to shrink.

Mr Zhu's son, who studied business in Shanghai, has been urging the family to sell directly to consumers online. His father is not convinced. "Ten thousand wreaths to one customer is simple," he said. "Ten thousand customers buying one wreath each is a different life."`,
  },
  {
    slug: 'maine-lobster-dealers-chinese-banquet-demand',
    title: 'Maine lobster dealers chase a new market: Chinese banquet tables',
    standfirst:
      'After a glut that sent dock prices tumbling, seafood shippers on the Maine coast are packing live lobsters for flights to China, where a red shell on the table signals a celebration.',
    section: 'business',
    author: 'grace-okafor',
    dateline: 'PORTLAND, MAINE',
    tags: ['Trade', 'Exports', 'Food'],
    publishedAt: '2013-08-06T13:00:00-04:00',
    status: 'published',
    hero: {
      file: 'maine-lobster-dealers-chinese-banquet-demand.svg',
      alt: 'Flat illustration of a large red lobster beside three white foam shipping boxes on a navy background, with a small white aeroplane flying overhead.',
      caption: 'Live lobsters packed in Maine can reach restaurant tanks in China within two days.',
      credit: CREDIT,
    },
    body: `At four in the afternoon, the loading bay at Casco Point Seafood on the Portland waterfront smells of salt water and wet cardboard. Workers lift lobsters from the holding tanks, check each one for lively claws, and pack them in layers of seaweed and gel ice inside foam boxes. By midnight the boxes will be on a truck to the airport. Within two days, if all goes well, some of those lobsters will be sitting in restaurant tanks in Shanghai and Guangzhou.

"Three years ago China was a rounding error for us," said Dana Whitcomb, who runs sales for the company. "Now it is the first market we call when the boats come in heavy."

## Why China

For Maine, the timing matters. Catches along the coast have been unusually large in recent years, and last summer's glut pushed the price paid to fishermen at the dock to levels many had not seen in decades. Dealers have been hunting for buyers wherever they can find them.

In China, demand follows a different logic. A whole lobster, bright red once cooked, is a centrepiece at weddings, business dinners and holiday banquets. Restaurants in the big cities keep them alive in tanks so diners can pick their own.

> "The customer wants to see it moving," said Huang Peiling, who imports seafood for restaurants in Shanghai. "A frozen lobster is a cheaper product. A live one from America is a story you can tell your guests."

## A fragile supply chain

Flying live animals halfway around the world is not simple. Dealers list the points where things can go wrong:

- a missed connection at a hub airport, leaving boxes warming on the tarmac;
- paperwork and inspections on arrival;
- sudden swings in demand around holidays;
- price moves on both sides that can wipe out a margin in a week.

Losing a few per cent of each shipment is treated as normal. Much more than that, Ms Whitcomb said, and the trip stops making sense.

Exporters are also competing with lobsters from Canada, Australia and elsewhere, and Chinese buyers compare prices closely. Casco Point has hired a Mandarin-speaking sales assistant and now sends buyers short phone videos of their lobsters being packed, as proof of freshness.

## Back on the docks

For fishermen, new markets are welcome but have not yet changed their lives. Tom Lacasse, who has fished out of a harbour north of Portland for twenty-six years, said prices had improved a little this season, though fuel and bait had gone up too.

"I don't care where they go, as long as somebody wants them," he said. "If people in Shanghai want my lobsters at their weddings, I'll drink to that."`,
  },

  // ─────────────────────────────── Tech ───────────────────────────────
  {
    slug: 'shenzhen-500-yuan-smartphone',
    title: 'In Shenzhen’s electronics markets, the 500-yuan smartphone takes over',
    standfirst:
      'Touchscreen handsets that cost less than a family dinner out are pushing keypad phones off the counters, and the traders selling them say prices are still falling.',
    section: 'tech',
    author: 'chen-hao',
    dateline: 'SHENZHEN',
    tags: ['Smartphones', 'Shenzhen', 'Manufacturing', 'Shopping'],
    publishedAt: '2013-06-03T08:40:00+08:00',
    updatedAt: '2013-06-03T13:05:00+08:00',
    status: 'published',
    hero: {
      file: 'shenzhen-500-yuan-smartphone.svg',
      alt: 'Flat illustration of five brightly coloured smartphones standing in a row on a glass shop counter, each with a small white price tag.',
      caption: 'Entry-level touchscreen phones now fill the front row of many market stalls.',
      credit: CREDIT,
    },
    body: `On the fourth floor of a crowded electronics mall in Shenzhen's Futian district, Xu Lanfang has rearranged her glass counter three times since the spring. The flip phones and chunky keypad handsets that once filled the front row have been pushed to a shelf at the back. In their place sit rows of slim touchscreen phones in white, pink and gunmetal grey, each with a handwritten price tag. The cheapest reads 499 yuan, a little over 80 US dollars.

"A year ago, people came in asking which phone had the loudest speaker," Ms Xu said, tapping a screen to wake it. "Now the first question is whether it runs the apps their children use. Nobody wants buttons any more."

## A market that moves by the week

The malls around Huaqiangbei, a few blocks of shops and wholesale halls that supply traders from across China and much of the developing world, have always been quick to follow a trend. What is different this year, stall owners say, is how fast the price of a basic smartphone has dropped.

Traders describe a chain that runs from chip suppliers to dozens of small design houses, which turn standard reference designs into finished handsets in a matter of weeks. Small factories on the edge of the city assemble them in batches of a few thousand. Brands come and go; some models never carry a brand at all, only a box with a picture of the phone and a model number.

Liang Zhiwei, who buys for shops in three towns in Hunan province, arrives every fortnight with a rolling suitcase and a notebook. He says the features customers expect at the bottom of the market change almost monthly:

- a screen of at least four inches, up from three and a half last year;
- two SIM card slots, so one phone can hold a work number and a family number;
- a front camera for video calls;
- enough memory to keep messaging and music apps open at the same time.

"If I bring back last season's model, it sits in the window until the New Year sales," he said. "The customers in my town check prices online before they walk in."

## Who is buying

Much of the demand comes from people buying their first smartphone: factory workers, older parents, students in smaller cities. For many of them the phone is also the first device they use to go online, so the monthly data plan matters as much as the handset.

Mobile operators have helped by bundling cheap phones with prepaid packages. In shop windows along the main road, posters promise a free handset to anyone who signs up for a year of calls and data. Traders say such offers bring buyers to the street even when they end up buying somewhere else.

> "The phone is no longer the expensive part," said Fang Rui, who runs a small repair stall beside the escalators. "People spend more on the case and the screen protector than they used to spend on a new battery."

Mr Fang's business has changed too. Replacing a cracked screen on a budget model can cost nearly as much as a new phone, so more customers simply upgrade. He now earns most of his money installing apps, moving contacts from old handsets and setting up email for customers who have never had an account.

## Thin margins, short lives

The squeeze is felt most by the small firms in the middle. The owner of one design house, who asked to be named only by his surname, Tan, said his profit on a typical low-end model had shrunk to a few yuan per unit. "We live on volume," he said. "If one order of twenty thousand is late, the whole month is gone."

Quality is uneven. Batteries swell, cameras are often weaker than the box suggests, and software updates are rare. Several buyers said they expected a cheap phone to last a year, perhaps eighteen months, before it is handed down to a relative or sold for parts.

Bigger domestic brands, meanwhile, are moving into the same price band with low-cost lines of their own, backed by national advertising and proper after-sales service. Stall owners expect that to push some of the smaller workshops out of business, or towards making phones for export to South-East Asia, Africa and Latin America, where many unbranded models already end up.

For now, Ms Xu is not worried. She has started stocking a few mid-range models for customers who come back after a year wanting something faster. "First they buy the cheap one," she said. "Then they come back. That is the business."`,
  },
  {
    slug: 'wechat-voice-messages-office-chats',
    title: 'Hold to talk: how voice messages took over China’s office chats',
    standfirst:
      'Walk through almost any office in Beijing and you will hear people speaking into their phones like walkie-talkies. WeChat’s voice clips have become the way many small teams get work done.',
    section: 'tech',
    author: 'lin-yue',
    dateline: 'BEIJING',
    tags: ['WeChat', 'Tencent', 'Apps', 'Beijing'],
    publishedAt: '2013-07-16T10:10:00+08:00',
    updatedAt: '2013-07-16T12:45:00+08:00',
    status: 'published',
    hero: {
      file: 'wechat-voice-messages-office-chats.svg',
      alt: 'Flat illustration of a large smartphone showing green and white chat bubbles filled with sound-wave bars, next to a round microphone button.',
      caption: 'Short voice clips have replaced both calls and typed messages for many workers.',
      credit: CREDIT,
    },
    body: `At a small advertising agency in Beijing's Chaoyang district, the morning meeting lasts ten minutes. The real discussion happens afterwards, in a WeChat group with fourteen members and a steady stream of short voice clips. The account director records instructions on the way to a client. A designer replies from the lift. An intern sends a question from the printer room.

"Typing Chinese on a phone is slow when you are walking," said Guo Yanan, the agency's founder. "Talking is faster. I can send ten messages in the time it takes to write one long one."

## From chat app to office tool

WeChat, the messaging app made by the internet company Tencent, began as a way to chat with friends. Its hold-to-talk button, which records while the user presses it and sends the clip on release, has become one of its best-known features. For many users it has replaced both the phone call and the text message.

That habit has moved into the workplace. Small businesses that never set up email systems or company chat software now run much of their daily work through group chats. Sales teams share price lists as photos. Delivery drivers confirm drop-offs with a quick clip. Managers post rotas and expect a thumbs-up in reply.

## The downsides

Not everyone is a fan. Workers complain that voice clips cannot be skimmed and are awkward to play in a quiet office or on a crowded bus. Finding an instruction given last week means listening to dozens of clips all over again.

> "My boss sends sixty-second messages at eleven at night," said one office worker, who gave only her English name, Vivian. "If I don't answer by the morning, he asks whether I listened. The working day never ends any more."

Some teams have drawn up their own etiquette. At Mr Guo's agency, the unwritten rules are:

- keep voice clips under thirty seconds;
- anything with a number, a date or an address goes in text;
- no work messages after ten at night unless something is on fire.

Older employees often prefer the voice function because it spares them the fiddly business of typing characters on a small screen. Younger staff complain more, though they use it just as much.

Analysts say the pattern shows how a consumer app can quietly turn into business infrastructure. "Companies never chose WeChat as an office tool," said Sun Peng, who studies workplace technology at a Beijing consultancy. "Their employees brought it in, and after a while it was simply how things were done."

Mr Guo admits the system is messy. He has thought about moving the team to proper project software, but doubts anyone would use it. "Everybody is already on WeChat," he said. "Their families are there, their friends are there. The office is just one more group."`,
  },
  {
    slug: 'hangzhou-tea-sellers-mobile-wallets',
    title: 'Pay by phone: Hangzhou’s tea sellers try out mobile wallets',
    standfirst:
      'In the home city of Alipay, a few market stalls and taxi drivers have started taking payment by smartphone. Most customers still reach for cash, but the habit is spreading.',
    section: 'tech',
    author: 'chen-hao',
    dateline: 'HANGZHOU',
    tags: ['Mobile payments', 'Alipay', 'WeChat', 'Hangzhou', 'Apps'],
    publishedAt: '2013-08-12T09:40:00+08:00',
    updatedAt: '2013-08-12T14:00:00+08:00',
    status: 'published',
    hero: {
      file: 'hangzhou-tea-sellers-mobile-wallets.svg',
      alt: 'Flat illustration of a market stall with a basket of green tea leaves and a black-and-white square payment code, next to a hand holding up a smartphone.',
      caption: 'A printed code on a post is all a stall needs to take mobile payments.',
      credit: CREDIT,
    },
    body: `Chen Xiaoqin keeps a laminated card taped to the side of her tea stall, just below the scales. It carries a square black-and-white code and a line of handwritten characters: scan to pay. Most days, she says, only a handful of customers use it. But the number is creeping up.

"The young ones ask whether they can pay with their phone before they even ask the price," said Ms Chen, who sells green tea grown in the hills west of the city. "At first I didn't trust it. Now I check my account every evening and the money is there."

## A city of early adopters

Hangzhou is home to Alibaba, whose payment service Alipay began as a way for shoppers to pay safely on the group's online marketplaces. This year the service has been promoting its mobile wallet to shops and stalls in its home city: a customer points the phone camera at a printed code and sends money straight to the seller.

Rivals are circling. WeChat, the messaging app run by Tencent, added a payment function in its latest version this month, letting users link a bank card and pay inside the app. Industry watchers expect a long fight for both shoppers and merchants.

For small traders, the attraction is simple:

- no card terminal to rent;
- no need to keep a float of change;
- no counterfeit notes;
- a record of every sale, which helps with the books.

## Cash is still king

The obstacles are just as plain. Many older customers do not own smartphones, and many of those who do have never linked a bank card. Mobile data can be patchy indoors, and a payment that hangs for half a minute feels endless at a busy stall.

Taxi driver Hu Jianguo tried accepting phone payments for a month and then gave up. "Passengers liked it, but whenever the network was slow they had to sit in the car while the cars behind me honked," he said. "Cash takes two seconds."

Security is another worry. Several shoppers said they feared losing their phone, or scanning a fake code stuck over a genuine one. Payment companies say transactions are protected by passwords and that accounts can be frozen remotely, but trust takes time.

> "Every new way of paying goes through the same stage," said Ye Mingxuan, a finance lecturer at a university in the city. "People try it for small amounts first. Once they have paid for a hundred bags of tea without any trouble, they start using it for bigger things."

Back at the market, Ms Chen says the code will stay on her stall. She has also started asking regular customers to add her on WeChat, so they can send orders ahead and collect them on the way to work. "Next year," she said, "maybe I won't need the cash box at all."`,
  },
  {
    slug: 'guizhou-data-centres-cool-hills',
    title: 'Cool air and cheap power draw data centres to Guizhou’s hills',
    standfirst:
      'China’s telecom and internet companies need somewhere to put their servers. A poor, mountainous province in the south-west is making its pitch.',
    section: 'tech',
    author: 'chen-hao',
    dateline: 'GUIYANG',
    tags: ['Data centres', 'Guizhou', 'Cloud computing'],
    publishedAt: '2013-06-28T11:45:00+08:00',
    updatedAt: '2013-06-28T15:30:00+08:00',
    status: 'published',
    hero: {
      file: 'guizhou-data-centres-cool-hills.svg',
      alt: 'Flat illustration of a low white server building with rows of blinking lights, set among rounded green hills under a pale blue sky with a cloud.',
      caption: 'A cool plateau climate means less power spent on air conditioning.',
      credit: CREDIT,
    },
    body: `Guiyang likes to call itself a natural air conditioner. Even in July the city, which sits more than a thousand metres above sea level on a plateau in south-west China, rarely gets as hot as Beijing, Shanghai or Guangzhou. That mild climate has become an unexpected selling point.

Data centres, the warehouses of servers that hold everything from bank records to holiday photos, use enormous amounts of electricity, and a large share of it goes on cooling. In a hot coastal city, the air conditioning runs flat out for months. On a cool plateau, engineers can often simply draw in outside air.

"Every degree matters," said Ma Jun, an engineer who has designed cooling systems for server halls in several provinces. "If you can cool with fresh air for most of the year, your power bill drops, and power is the biggest cost after the building itself."

## Selling the mountains

Guizhou is one of China's poorer provinces, better known for terraced rice fields, limestone peaks and the migrant workers who leave for factories on the coast. Local officials see data centres as a way to attract investment without the smoke of heavy industry.

The pitch rests on a few advantages:

- a mild climate that cuts cooling costs;
- plentiful hydropower and coal, and electricity cheaper than in the eastern provinces;
- cheap land on the edge of the provincial capital;
- a relatively low risk of earthquakes compared with some neighbouring regions.

Investment officials have been hosting delegations from telecom operators and internet firms, and a new development zone between Guiyang and the neighbouring city of Anshun has set aside land for server parks.

## The missing pieces

Sceptics point to the gaps. Data centres need fast, reliable fibre links to the big cities where most users live, and network capacity into the south-west has lagged behind the coast. They also need skilled staff, and engineers trained in Beijing or Shenzhen are not always keen to move to a provincial city far from home.

> "Cheap power gets you a meeting," said Deng Xiaolu, a consultant who advises companies on where to build server facilities. "It does not get you a signed contract. Customers want to know how fast their data reaches Shanghai, and who will fix a problem at three in the morning."

Local colleges have begun offering courses in network administration, and the province has promised subsidies for companies that train local workers. Whether that is enough will only become clear once the first large facilities open.

For people in the villages around the zone, the change is already visible. Fields have been fenced off and access roads laid. Liu Guiying, who grows vegetables on a plot nearby, said she did not know exactly what would be built there. "They say it is computers," she said. "Computers don't eat, but the people who look after them will. I will sell them cabbages."`,
  },

  // ────────────────────────────── Culture ─────────────────────────────
  {
    slug: 'summer-of-shanghai-basement-jazz-club',
    title: 'Summer of Shanghai: the basement jazz club that keeps late hours',
    standfirst:
      'A thirty-seat club a few streets from the Bund has become a proving ground for young Chinese musicians who learned jazz from downloads and now want a live audience.',
    section: 'culture',
    author: 'maria-santos',
    dateline: 'SHANGHAI',
    tags: ['Shanghai', 'Music', 'Nightlife', 'Summer of Shanghai'],
    publishedAt: '2013-07-13T10:00:00+08:00',
    status: 'published',
    hero: {
      file: 'summer-of-shanghai-basement-jazz-club.svg',
      alt: 'Flat illustration of a dark blue room with a red paper lantern hanging above a row of piano keys and a golden saxophone shape.',
      caption: 'Late nights, low ceilings and a lot of new music.',
      credit: CREDIT,
    },
    body: `The stairs down to the Blue Lantern are narrow, and the sign at the top is no bigger than a shoebox. On a Thursday night in July, the club's thirty seats are taken by half past nine, and a few latecomers stand at the back holding bottles of beer while a quartet works through a slow ballad.

The pianist, Shen Yiwen, is twenty-three. She grew up in Suzhou playing classical piano, discovered jazz through albums she downloaded as a teenager, and moved to Shanghai two years ago to find people to play with.

"In my hometown there was nobody," she said between sets. "Here I can play four nights a week. Not always for money, but for people who are really listening."

## Old city, new players

Shanghai's link with jazz goes back to the dance halls and hotel ballrooms of the 1920s and 1930s, when bands played for foreign residents and the city's own smart set. That history is part of the appeal of the grand hotels along the waterfront, where older musicians still play standards for tourists.

The Blue Lantern is something else. Its owner, Owen Tsang, who grew up in Hong Kong and worked in finance before opening the club, books mostly young local players and keeps the cover charge low. Monday is a jam session open to anyone who turns up with an instrument.

> "The hotels sell nostalgia," Mr Tsang said. "I wanted a room where the music is still being invented. Some nights it is a mess. Some nights it is the best thing in the city."

## If you go

For readers planning a visit as part of our Summer of Shanghai series, a few practical notes:

- sets start around nine and run past midnight at weekends;
- there is a small cover charge, waived on jam nights;
- the room is tiny, so arrive early if you want a seat;
- photos are fine, but the band asks for no flash.

The crowd is mixed: office workers loosening their ties, students sharing a single drink, foreign residents who follow particular musicians from club to club. On the night we visited, a group of retirees had the front table and applauded every solo.

Ms Shen's quartet closed the evening with a tune of her own, built on a folk melody her grandmother used to sing. The room went quiet for the opening bars and then, when the drummer came in, heads began to nod. "That is the one I want people to remember," she said afterwards. "Something that could only come from here."`,
  },
  {
    slug: 'boston-chinatown-dumpling-house-thirty-years',
    title: 'A Boston dumpling house turns thirty with a menu chosen by its regulars',
    standfirst:
      'For its anniversary, a family restaurant in Chinatown asked longtime customers to name the dishes they could not live without. The answers said as much about the neighbourhood as about the food.',
    section: 'culture',
    author: 'maria-santos',
    dateline: 'BOSTON',
    tags: ['Food', 'Boston', 'Chinatown', 'Families'],
    publishedAt: '2013-06-08T10:30:00-04:00',
    status: 'published',
    hero: {
      file: 'boston-chinatown-dumpling-house-thirty-years.svg',
      alt: 'Flat illustration of a blue-rimmed bowl holding five pale dumplings, with a pair of chopsticks angled above it and wisps of steam rising against an orange background.',
      caption: 'The pork and chive dumplings won the regulars’ vote by a wide margin.',
      credit: CREDIT,
    },
    body: `When the Lee family opened their restaurant on a side street in Boston's Chinatown in 1983, the menu fitted on a single card: six kinds of dumplings, three noodle soups, and a plate of pickled cabbage that came free with every order. Thirty years on, the dining room has doubled in size, the menu runs to four pages, and the pickled cabbage is still free.

To mark the anniversary this month, Helen Lee, who took over the kitchen from her parents a decade ago, asked regular customers which dishes they would keep if the menu were cut back to its original length. Paper ballots went into a biscuit tin by the till. More than six hundred came back.

"I thought I knew what people liked," Ms Lee said. "I was wrong about half of it."

## The winners

Her father's pork and chive dumplings came first by a wide margin. The rest of the top six surprised her:

1. pork and chive dumplings, boiled;
2. beef noodle soup with extra greens;
3. pan-fried vegetable buns;
4. scallion pancakes;
5. cold sesame noodles;
6. lamb dumplings with cumin, added to the menu only five years ago.

Plenty of voters wrote notes on their ballots. A nurse who has eaten lunch there every Friday since the early 1990s begged that the lamb dumplings never be taken off. A student wrote that the beef soup had got her through her first New England winter.

## A changing neighbourhood

The restaurant has watched its surroundings shift. Chinatown's older residents, many from Guangdong and Hong Kong, have been joined by students and young professionals from mainland China and by office workers from the nearby financial district. New apartment towers are going up at the edge of the neighbourhood, and rents have climbed.

> "Our first customers spoke Cantonese," said Ms Lee's mother, Lee Wai-ming, who still folds dumplings at a corner table most mornings. "Now I hear Mandarin, English, everything. They all eat the same dumplings."

The anniversary menu runs until the end of June, with the 1983 prices printed beside today's. Ms Lee says that is a joke, not a promotion. She has no plans to retire the long menu, but the exercise has changed how she thinks about it.

"People don't come here for something new every week," she said. "They come because it tastes like it did last time. That is the hardest thing to cook."`,
  },
  {
    slug: 'translators-chinese-science-fiction-english',
    title: 'The translators carrying Chinese science fiction to American readers',
    standfirst:
      'A small group of volunteers in New York is turning stories of alien signals and crowded future cities into English, one magazine submission at a time.',
    section: 'culture',
    author: 'maria-santos',
    dateline: 'NEW YORK',
    tags: ['Books', 'Translation', 'Science fiction', 'New York'],
    publishedAt: '2013-07-26T09:30:00-04:00',
    updatedAt: '2013-07-26T17:10:00-04:00',
    status: 'published',
    hero: {
      file: 'translators-chinese-science-fiction-english.svg',
      alt: 'Flat illustration of an open book on a purple background, with a small white rocket and a ringed orange planet rising out of its pages.',
      caption: 'Stories written for Chinese readers are finding their way into English.',
      credit: CREDIT,
    },
    body: `Every Sunday afternoon, in a borrowed classroom at a community college in Queens, six people sit around a table covered in pencil-marked printouts. Today they are arguing about a single word: the name of a spacecraft in a short story by a writer from Chengdu. The original is a pun that works in Chinese and nowhere else.

"We have been on this for forty minutes," said Rachel Wen, who leads the group. "That is normal. Sometimes one word takes the whole afternoon."

The group, which calls itself the Long Night Translation Circle, is one of a handful of small efforts to bring Chinese science fiction to English-speaking readers. Its members include a software engineer, a retired chemistry teacher, two graduate students and a paralegal. None of them is paid, although a few of their translations have appeared in small literary and genre magazines.

## A big audience at home

Science fiction has a long history in China, and in recent years it has found a large new readership through magazines, fan forums and novels serialised chapter by chapter online. Readers in the United States have seen very little of it. Publishers say translated fiction of any kind is a tiny slice of the American market, and translated genre fiction is smaller still.

> "Editors tell me they like the stories but don't know how to sell them," said Ms Wen, who was born in Harbin and moved to New York as a teenager. "They ask who the audience is. I say: the same people who read any other science fiction. It is not a museum exhibit."

The stories the group has picked range widely. One imagines a farming village that discovers its rice paddies form part of an alien signal. Another follows a courier delivering parcels through a city so crowded that its streets are folded into layers. A third, the group's favourite, is a quiet piece about an old man who teaches a household robot to play Chinese chess.

## Problems no dictionary solves

The hardest part of the work, members say, is not vocabulary but context. Chinese writers often lean on classical poetry, on history lessons that every Chinese pupil knows, or on internet slang that changes by the month. A literal translation can leave an American reader lost; too much explanation kills the pace.

The circle has settled on a few house rules:

- footnotes are a last resort, used only when the story would make no sense without them;
- characters' names stay in pinyin, but nicknames are translated;
- jokes are translated for effect, not word for word;
- the author sees every draft and has the final say.

Dennis Morrow, the retired chemistry teacher, reads every draft aloud to catch sentences that sound stiff. "I don't speak a word of Chinese," he said. "That is my job here. If I stumble, the reader will stumble."

The sessions are slow by design. Each translator brings a draft of a few pages, the group reads it line by line, and disagreements are settled by a show of hands or, more often, by whoever brought the best snacks. A ten-thousand-word story can take the circle three months.

## Getting into print

Placing a story in English takes persistence. The group sends each translation to editors with a short note about the author and, where possible, a summary of how the story was received in China. Rejections are frequent. Most of its successes have come through editors who already had an interest in international fiction.

Some authors are delighted by the attention; others are wary. One writer from Guangzhou withdrew a story after seeing how many of its jokes had been rewritten. Ms Wen said the group had since learned to agree its approach with authors before starting work.

Zhang Lu, a graduate student in comparative literature and the youngest member, sees the work as a conversation. "American science fiction shaped how Chinese writers imagined the future," she said. "Now it can go the other way. These stories ask the same questions: what technology does to families, who gets left behind, what happens when the world changes faster than people can."

The group's next project is its most ambitious: an anthology of ten stories by ten different writers, which it hopes to offer to a small press next year. Until then, the Sunday meetings go on. On the afternoon we visited, the spacecraft was finally named, after a long debate, the Almost Home. Nobody was entirely happy with it. Everyone agreed it would do.`,
  },

  // ─────────────────────────────── Life ───────────────────────────────
  {
    slug: 'beijing-summer-survival-list',
    title: 'How to survive a Beijing summer: a newcomer’s list',
    standfirst:
      'Heat, sudden downpours and hazy days can make the capital’s summer hard going. Long-term residents share the habits that help.',
    section: 'life',
    author: 'sarah-klein',
    dateline: 'BEIJING',
    tags: ['Beijing', 'Health', 'Heatwave', 'Food'],
    publishedAt: '2013-07-02T07:50:00+08:00',
    status: 'published',
    hero: {
      file: 'beijing-summer-survival-list.svg',
      alt: 'Flat illustration of a large yellow sun over a hazy pink skyline, with an open red umbrella and a white bowl of green mung bean soup in the foreground.',
      caption: 'An umbrella and a bowl of mung bean soup go a long way in July.',
      credit: CREDIT,
    },
    body: `The first thing newcomers notice about summer in Beijing is the heat. The second is how calmly residents carry on regardless: older men with their shirts rolled up over their stomachs, grandmothers fanning toddlers in the shade, office workers dashing between air-conditioned buildings. By July, temperatures often reach the mid-thirties Celsius, and a sudden afternoon storm can turn a road into a stream within minutes.

We asked long-term residents, Chinese and foreign, how they cope. Their advice fell into a few groups.

## Keep cool the local way

Many of the tips come from Chinese habits that surprise newcomers at first.

- Drink warm or room-temperature water. Many Beijingers believe iced drinks upset the stomach in hot weather, and restaurants may bring hot water unless you ask otherwise.
- Try mung bean soup, a thin, lightly sweet soup served cool and said to bring the body's temperature down.
- Carry an umbrella every day. It is a parasol in the morning and a shelter from the storm in the afternoon.
- Shift your day. Parks are busiest early in the morning and again after dark, when the city comes out to dance, play cards and stroll.

"My mother-in-law scolded me about cold drinks for a whole summer," said Anna Ruiz, a teacher from Texas who has lived in the city for six years. "I laughed at first. Now I drink hot tea in July and I feel fine."

## Watch the air

Summer haze is another concern. On still days a layer of pollution can settle over the city. Residents recommend checking air quality readings each morning, keeping a supply of masks rated for fine particles, and saving outdoor exercise for clearer days. Several people said they run early, before the traffic builds.

> "I plan my week around the forecast," said Wei Dongmei, who coaches an amateur running club. "On bad days we move to an indoor track. On good days we go to the hills."

## Know where to escape

The best refuge from the heat is often out of town. The hills to the west and north of the city are several degrees cooler, and weekend buses to the scenic areas fill up fast. In town, shopping malls, museums and the metro offer reliable air conditioning, although rush hour on the busiest lines is anything but cool.

Whatever you do, residents agree on one thing: slow down. Beijing in July rewards people who do less, more slowly, and in the shade.`,
  },
  {
    slug: 'learning-mandarin-tones-after-forty',
    title: 'Learning Mandarin tones after forty: notes from a night class',
    standfirst:
      'In a Philadelphia community centre, adult learners take on one of the hardest parts of Chinese. Our writer joined them for a term.',
    section: 'life',
    author: 'sarah-klein',
    dateline: 'PHILADELPHIA',
    tags: ['Language', 'Education', 'Students'],
    publishedAt: '2013-06-20T09:00:00-04:00',
    status: 'published',
    hero: {
      file: 'learning-mandarin-tones-after-forty.svg',
      alt: 'Flat illustration of a green chalkboard showing four white lines: one flat, one rising, one dipping then rising, and one falling.',
      caption: 'Four tones, four shapes: the first lesson in every Mandarin class.',
      credit: CREDIT,
    },
    body: `The word is ma, and our teacher wants to hear it four ways. Said with a high, level voice, it means mother. Rising, as if asking a question, it means hemp. Dipping down and up again, it means horse. Falling sharply, it is a scolding. Twelve adults repeat after her, and the result sounds less like a language class than a flock of confused geese.

"Again," says Lu Fengying, who has taught Mandarin at this community centre in Philadelphia for eight years. "Louder. Nobody is listening except me."

I signed up for her beginners' course in the spring, along with a retired firefighter, a nurse whose hospital sees a growing number of Chinese-speaking patients, a couple who work for a company with an office in Suzhou, and several people who simply wanted a challenge. Most of us were over forty. All of us found the tones humbling.

## Why tones are hard

English uses pitch to show feeling, or to turn a statement into a question, but it does not change what a word means. In Mandarin, pitch is part of the word itself. Adult learners, who have spent decades hearing pitch as mood, struggle to hear it as meaning, and struggle even more to produce it on demand.

Ms Lu has a bag of tricks:

- exaggerate every tone at first, even if it feels ridiculous;
- move your hand with your voice: level, up, dip and drop;
- record yourself on your phone and compare it with a native speaker;
- learn words in pairs, because tones shift when they sit next to each other.

The hand movements are the most embarrassing and the most effective. By the third week the whole class was conducting itself like a small and slightly chaotic orchestra.

## Small victories

Progress came at odd moments. Tom Brennan, the retired firefighter, ordered dinner in a Chinatown restaurant and was understood on the first try. The nurse, Keisha Moore, learned enough to greet patients and ask where it hurt, and said their faces changed when she did.

> "I will never be fluent," Mr Brennan said at our last class. "But I can say thank you to my neighbour properly, and she laughs at me a bit less."

Studies of adult language learning suggest that older learners are not necessarily slower; they learn differently, leaning more on rules and patterns and less on pure imitation. Ms Lu says her older students often beat the younger ones at grammar and characters, even when their accents lag behind.

For me, the tones remain a work in progress. At the end of the term I can introduce myself, count to a hundred and ask for the bill. My horse and my mother still sound suspiciously alike. But Ms Lu wrote a note on my final test that I intend to keep: "Better than you think. Keep talking."`,
  },
  {
    slug: 'shanghai-students-prepare-american-campuses',
    title: 'Suitcases, rice cookers and advice: Shanghai students get ready for American campuses',
    standfirst:
      'As thousands of Chinese students prepare to fly to the US for the autumn term, families and advisers in Shanghai are running crash courses in everything from tipping to roommates.',
    section: 'life',
    author: 'zhou-ming',
    dateline: 'SHANGHAI',
    tags: ['Students', 'Education', 'Shanghai', 'Families'],
    publishedAt: '2013-08-19T07:30:00+08:00',
    status: 'published',
    hero: {
      file: 'shanghai-students-prepare-american-campuses.svg',
      alt: 'Flat illustration of a teal suitcase and a yellow suitcase beside a small white rice cooker, with an aeroplane and a dotted flight path in the light blue sky above.',
      caption: 'Packing lists are debated for weeks before the flight.',
      credit: CREDIT,
    },
    body: `In a hotel conference room in Shanghai's Jing'an district, eighty teenagers and almost as many parents are learning how to tip. A slide on the screen shows an American restaurant bill. The speaker, a former admissions officer named Claire Donovan, asks the room to work out fifteen per cent. Phones come out. Several parents look alarmed.

"You will not be arrested if you get it wrong," Ms Donovan says, and the room laughs. "But your waiter will remember you."

The session is one of dozens held across the city this month for students about to leave for universities and high schools in the United States. Chinese students are now the largest group of international students on American campuses, and for many families the weeks before departure are a mix of pride, worry and frantic shopping.

## What goes in the suitcase

Packing lists circulate on social media and are argued over in parents' group chats. The essentials, according to the families we spoke to, include:

- a small rice cooker, though some universities ban them in dormitories;
- a supply of familiar medicines, with the labels translated into English;
- chargers and adaptors, just in case;
- gifts for roommates and host families, usually tea or silk scarves;
- warm clothes for anyone heading to the Midwest or New England, where the winters shock many new arrivals.

Ma Lihua, whose daughter is starting an engineering degree in Ohio, has been packing for three weeks. "Every day I put something in and she takes something out," she said. "We have agreed on two suitcases. I am still negotiating the third."

## Beyond the practical

Organisers say the most important advice has nothing to do with luggage. Counsellors talk about academic honesty, explaining that rules on citing sources and working with classmates may be stricter than students expect. They warn about loneliness, and about the temptation to spend all their time with other Chinese students.

> "The first month decides a lot," said Ms Donovan. "If a student joins a club, talks to a professor and has one American friend by October, they usually do well. If they stay in their room, it is hard to change later."

Zhao Yifan, who is about to start at a liberal arts college in Pennsylvania, has been practising small talk with an online tutor. He is confident about his coursework but nervous about everything else. "In China we talk to people we know," he said. "I heard that in America people talk to strangers in the lift. What do I say?"

His tutor's answer: the weather, sport and food. "Food always works," he said.

Some parents are taking lessons of their own. At a separate evening session, mothers and fathers learned how to use video calls across a twelve-hour time difference, how American universities share grades with families (often they do not, without the student's permission), and how to send a parcel of snacks without it being held at customs.

## The weight of expectations

For many families, sending a child abroad is the result of years of saving. Tuition and living costs at an American university can run to several hundred thousand yuan a year, and parents often see the spending as a path to better jobs, whether their children come home afterwards or stay abroad.

That pressure can be heavy. Several students said their biggest fear was not the language or the food but letting their parents down. Counsellors encourage families to talk openly about what success means, and to agree in advance how often they will call.

Li Wenjing, who came back to Shanghai this summer after two years at a university in California, spoke at one session about her own first term. She described failing her first essay, crying in a library bathroom and, eventually, asking for help at the campus writing centre.

"Nobody told me it was normal to struggle," she said. "I thought I was the only one. Now I tell everyone: use every service the college offers. You paid for it."

## Goodbyes at the airport

The departure halls at Pudong airport will be crowded in the coming weeks. Airlines add flights to American cities in late August, and families often travel to the airport in groups, with grandparents and cousins along for the send-off.

Mrs Ma has already booked a day off work and says she is determined not to cry in front of her daughter. Her daughter is less sure. "She will cry," she said. "Then she will send me a WeChat message every hour until I land."`,
  },

  // ────────────────────────────── Sports ──────────────────────────────
  {
    slug: 'flushing-table-tennis-club-summer-league',
    title: 'In Queens, a table tennis club where grandparents beat teenagers',
    standfirst:
      'A basement club in Flushing draws players from eight to eighty, many of them trained in China decades ago, and its summer league is fiercer than it looks.',
    section: 'sports',
    author: 'wang-jie',
    dateline: 'NEW YORK',
    tags: ['Table tennis', 'New York', 'Community', 'Retirees'],
    publishedAt: '2013-07-22T09:15:00-04:00',
    status: 'published',
    hero: {
      file: 'flushing-table-tennis-club-summer-league.svg',
      alt: 'Flat illustration of a blue table tennis table with a white net, a red paddle and a black paddle on either side and a white ball in mid-air.',
      caption: 'Fourteen tables, one low ceiling and a very competitive summer league.',
      credit: CREDIT,
    },
    body: `You hear it before you find the door: a rapid, hollow clicking, like rain on a tin roof. Down a flight of stairs beneath a bakery in Flushing, Queens, fourteen tables are squeezed into a low-ceilinged room, and on a Saturday morning in July every one of them is in use.

At table three, a seventy-one-year-old retired engineer named Gao Shuping is taking apart a sixteen-year-old from Long Island. The teenager hits hard; Mr Gao sends everything back with short, spinning chops that die on the table. The match lasts eleven minutes. Mr Gao wins three games to nil, shakes hands, and goes to buy a steamed bun.

"He has power," Mr Gao said of his opponent. "Power is easy. In two years, when he learns patience, he will beat me."

## A club built by newcomers

The club was founded twelve years ago by a group of immigrants from China, several of whom had trained at provincial sports schools before moving to New York. Today it has about three hundred members. Around half are Chinese-American; the rest include players from Korea, India, the Caribbean and Eastern Europe, and a growing number of American-born children whose parents want a sport that does not need a big back yard.

Coach Tang Meiling, a former provincial team player from Hubei, runs classes for children after school and through the summer holidays. "Parents bring their children for one lesson and stay for the coffee," she said. "Then they start playing too."

## The summer league

The summer league, which runs from June to late August, is where friendly rivalries turn serious. Teams of four play weekly fixtures, and results go up on a whiteboard by the stairs. This year the table has been dominated by a team of players in their sixties who call themselves the Old Cabbages.

Members describe what keeps them coming back:

- the variety of opponents, from patient defenders to teenage attackers;
- a rating system that makes for close matches at every level;
- the social side, with tea, snacks and endless arguments about technique;
- fees that are cheap next to most sports clubs in the city.

> "At home in Tianjin I played after work every day," said Ren Haoyu, a restaurant manager. "When I moved here I was lonely. This room gave me back my evenings."

By early afternoon the juniors have taken over most of the tables and the room gets louder. Mr Gao stays to watch, now and then stepping in to adjust a child's grip. He has no intention of stopping. "Table tennis is the only sport where the old men can still win," he said. "Why would I leave?"`,
  },
  {
    slug: 'guangzhou-rooftop-three-on-three-basketball',
    title: 'Three-on-three tournament fills Guangzhou’s rooftop courts',
    standfirst:
      'More than two hundred amateur teams signed up for a summer of street basketball on the roof of a shopping centre, a sign of how the game has spread beyond school gyms.',
    section: 'sports',
    author: 'wang-jie',
    dateline: 'GUANGZHOU',
    tags: ['Basketball', 'Guangzhou', 'Community'],
    publishedAt: '2013-06-16T18:20:00+08:00',
    status: 'published',
    hero: {
      file: 'guangzhou-rooftop-three-on-three-basketball.svg',
      alt: 'Flat illustration of an orange basketball dropping towards a hoop on a rooftop court, with tall purple towers against a sunset sky behind.',
      caption: 'Half a court, six players and a crowd: the appeal of three-on-three.',
      credit: CREDIT,
    },
    body: `On the roof of a shopping centre in Guangzhou's Tianhe district, eight outdoor courts have been marked out in fresh paint. Loudspeakers are playing hip-hop at a volume that makes conversation difficult. Around the fences, hundreds of spectators hold umbrellas against the sun.

This is the final weekend of an amateur three-on-three tournament that has drawn more than two hundred teams from across the city. The players range from secondary school pupils to office workers in their thirties, and the rules are simple: one half-court, one basket, first to twenty-one points or ten minutes, whichever comes first.

## The appeal of the half-court

Basketball has been hugely popular in China for decades, but organisers say the three-on-three format suits city life. It needs only half a court and six players, games are short, and there is room for showing off.

"Five-on-five is for school teams with coaches," said Kuang Wenbo, whose events company runs the tournament with sponsorship from a sportswear shop and a drinks brand. "Three-on-three is for anyone with two friends and a free Saturday."

Teams paid a small entry fee, and prizes include trainers, gym memberships and, for the winners, a trip to watch a professional game in Beijing. For most players, though, the stage matters more than the prize.

> "On our neighbourhood court, nobody is watching," said Deng Hao, a nineteen-year-old technical college student who plays for a team called Night Market. "Here there are three hundred people shouting. You feel like a star for ten minutes."

## A women's bracket

For the first time the tournament included a women's bracket, with eighteen teams. Organisers said they had hoped for eight. Ou Jiayi, a bank clerk whose team reached the semi-finals, said finding a court to practise on was the hardest part. "The boys take every court after school," she said. "We had to train at six in the morning."

The organisers plan to grow next year, with qualifying rounds in other cities in Guangdong province and a category for players over thirty-five.

By late afternoon the heat had eased, and the men's final drew the biggest crowd of the weekend. Night Market lost by two points after a disputed foul in the last minute. Mr Deng sat on the baseline for a while with a towel over his head. Then he stood up and asked the organisers when registration opened for next summer.`,
  },
  {
    slug: 'american-coach-wuhan-youth-football',
    title: 'An American coach’s first season in Chinese youth football',
    standfirst:
      'A former college player from Ohio took a job coaching under-12s in Wuhan. Six months in, he says he has learned as much as his players.',
    section: 'sports',
    author: 'wang-jie',
    dateline: 'WUHAN',
    tags: ['Football', 'Youth sport', 'Children', 'Wuhan'],
    publishedAt: '2013-07-31T08:20:00+08:00',
    status: 'published',
    hero: {
      file: 'american-coach-wuhan-youth-football.svg',
      alt: 'Flat illustration of a green football pitch seen from above, with a row of orange training cones, a black-and-white ball and a small white goal.',
      caption: 'Early-morning sessions beat the Wuhan heat.',
      credit: CREDIT,
    },
    body: `Training starts at half past six in the morning, before the heat becomes unbearable. On an artificial pitch behind a primary school in Wuhan, twenty boys and three girls in matching orange shirts weave between plastic cones. Their coach, Mike Ferraro, calls out instructions in a mix of English, slow Mandarin and hand signals.

"Look up! Look up!" he shouts, then, in Chinese, "Where is your friend?" A boy who had been dribbling with his head down lifts his eyes, spots a teammate in space and passes. Mr Ferraro claps loudly enough to scare a flock of sparrows off the fence.

Mr Ferraro, twenty-nine, played football at a small college in Ohio and coached youth teams in Columbus before answering an online advertisement for coaches in China last winter. He arrived in Wuhan in February to work for a private academy that runs football programmes in several schools across the city.

## A sport with big ambitions

Football has a huge following in China, but the national men's team has struggled for years, and commentators have often blamed weak youth development. Schools have traditionally put exams first, and many parents see sport as a distraction from study.

That is changing, slowly. More schools are forming football teams, private academies are opening in the big cities, and some are hiring foreign coaches to bring in different methods.

"When I arrived, I expected kids who had played a lot of organised football," Mr Ferraro said. "In fact many had played almost none. For some of them this is the first real team they have been on."

## Learning to play, not to obey

The biggest adjustment, he says, has been persuading children to make their own decisions on the pitch. His players are disciplined and hard-working, and they will repeat a drill perfectly for as long as he asks. But in a match, when the situation changes, many of them look to the touchline for instructions.

So he has changed his sessions to include more small-sided games and fewer drills. He asks questions instead of handing out answers, and he praises players who try something creative even when it goes wrong.

His rules, written on a whiteboard in English and Chinese, are short:

- everybody touches the ball as often as possible;
- mistakes are allowed, hiding is not;
- the coach does not shout during matches;
- we shake hands with the referee, win or lose.

The third rule has been the hardest to keep. "I am a loud person," he admitted. "I sit on my hands."

> "At first he was strange to us," said Xiong Lei, an assistant coach who works alongside Mr Ferraro and translates for him with parents. "Chinese coaches usually tell children exactly what to do. He lets them choose, and he lets them fail. But the children are happier, and they are getting better."

## Parents on the sideline

Parents have been supportive, though not always for the reasons Mr Ferraro expected. Some see football as a way to keep children healthy at a time when many spend long hours at their desks. Others hope sporting success might help with school admissions. A few simply want their children to hear English from a native speaker, and are happy for them to run about while they do.

Zeng Xiaomei, whose ten-year-old son trains with the academy three times a week, said she had doubts at first. "I worried about his homework," she said. "But he sleeps better, he eats better, and his teacher says he concentrates more in class. The English is a bonus."

Once a month the academy holds a parents' afternoon, when mothers and fathers play a match against their children. The children usually win.

## Summer and beyond

The season has had its difficulties. Pitch time is scarce, and teams sometimes arrive to find the field booked by another group. Summer storms have washed out sessions. Mr Ferraro has had to adapt to Wuhan's famous heat, which regularly passes thirty-five degrees in July and rules out afternoon training.

He has also had to learn the local way of getting things done. Booking a pitch or arranging a friendly often depends on personal connections, and he relies on Mr Xiong to make the calls.

His contract runs for another year, and he plans to stay. His Mandarin is improving, helped by the children, who correct his tones without mercy. At the end of each session he gathers the team in a circle and asks what they learned. The answers come in both languages.

"Pass early," says one. "Look up," says another. A small boy at the back raises his hand. "Drink water," he says, and everyone laughs, the coach included. On a July morning in Wuhan, it is not bad advice.`,
  },

  // ───────────────────────── Draft and scheduled ──────────────────────
  {
    slug: 'tianjin-electric-bike-makers-battery-costs',
    title: 'Electric-bike makers weigh the cost of lighter batteries',
    standfirst:
      'Manufacturers around Tianjin are caught between cheap lead-acid packs and lighter lithium cells that many of their customers cannot yet afford.',
    section: 'business',
    author: 'grace-okafor',
    dateline: 'TIANJIN',
    tags: ['Manufacturing', 'Exports', 'Batteries'],
    status: 'draft',
    hero: {
      file: 'tianjin-electric-bike-makers-battery-costs.svg',
      alt: 'Flat illustration of a red electric bicycle with a large black battery box in the frame below the seat, marked with a green lightning bolt, on a light grey background.',
      caption: 'The battery under the seat decides much of an electric bike’s price.',
      credit: CREDIT,
    },
    body: `On the assembly line of a mid-sized electric-bicycle factory on the outskirts of Tianjin, workers fit a heavy black box under each seat. It is a lead-acid battery pack, the same basic technology that has powered China's electric two-wheelers for more than a decade. It is cheap, it is reliable enough, and it weighs about as much as a small child.

The factory's general manager, Yin Baoguo, would like to switch to lithium batteries, which are lighter, last longer and charge more quickly. The problem is cost. A lithium pack can add several hundred yuan to the price of a bike that sells for around two thousand.

"My customers are delivery workers, students, retired people," Mr Yin said. "They look at the price first and the weight second. If I raise the price, they walk to the next shop."

## A crowded market

Electric bikes have become one of the most common ways to get around Chinese cities: cheaper than a car, quicker than a bicycle in traffic. Hundreds of manufacturers compete for buyers, many of them clustered in a few industrial regions, including the area around Tianjin.

Competition keeps prices low but leaves little money for investment. Manufacturers say the choice of battery touches nearly every part of the business:

- lighter batteries allow lighter frames and cheaper shipping;
- lithium packs need more sophisticated charging and safety electronics;
- export customers, particularly in Europe, increasingly expect lithium;
- lead-acid batteries raise environmental worries about disposal and recycling.

## Export hopes

Several Tianjin firms are trying to sell more electric bikes abroad, including in the United States, where the market is still small but growing in some cities. For those customers, weight and range count for more than price.

> "An American commuter will carry the bike up to an apartment," said Katherine Yuen, a trade consultant who works with Chinese manufacturers. "Thirty kilograms of battery is a deal-breaker."

Mr Yin plans to launch a lithium model next year, aimed first at export buyers. If costs fall as he expects, he hopes to offer it at home too. Until then, the heavy black boxes keep rolling off the line.`,
  },
  {
    slug: 'mid-autumn-festival-mooncake-preview',
    title: 'Mooncake season preview: what bakers are planning for the Mid-Autumn Festival',
    standfirst:
      'From lotus-seed classics to chilled snow-skin novelties, bakeries in Shanghai and New York are getting ready for the busiest few weeks of their year.',
    section: 'culture',
    author: 'maria-santos',
    dateline: 'SHANGHAI',
    tags: ['Food', 'Festivals', 'Shanghai', 'New York'],
    status: 'scheduled',
    scheduledInDays: 7,
    hero: {
      file: 'mid-autumn-festival-mooncake-preview.svg',
      alt: 'Flat illustration of three golden-brown round mooncakes with patterned tops beneath a large pale full moon in a deep navy sky.',
      caption: 'Round cakes for a round moon: the festival’s most familiar treat.',
      credit: CREDIT,
    },
    body: `The ovens at the Golden Osmanthus bakery in Shanghai have been running before dawn for a week already, and the Mid-Autumn Festival is still some way off. Stacks of flat boxes line the corridor. In the back room, three workers press dough into carved wooden moulds, tap the cakes out onto trays and brush each one with egg wash until it shines.

"This is our Christmas," said Pan Xiuzhen, who has run the bakery for twenty years. "If the mooncakes sell, the year is good."

The festival falls on the fifteenth day of the eighth month of the lunar calendar, when the moon is full. It is a time for families to gather, look at the moon and share mooncakes: dense round pastries with a sweet or savoury filling, often with a salted egg yolk hidden in the middle. Over the coming weeks we will be visiting bakeries in Shanghai and New York to see what they are making.

## What to look out for

Bakers told us to expect:

- the classics, lotus seed paste, red bean and mixed nuts, which still outsell everything else;
- Shanghai-style flaky mooncakes filled with fresh minced pork, sold hot from the oven;
- smaller cakes, as families look for lighter portions;
- snow-skin mooncakes, made with a glutinous rice dough and served chilled;
- novelty flavours, from green tea and durian to chocolate.

Gift boxes are another matter. Elaborate packaging has drawn criticism as wasteful, and several bakers said their customers now ask for simpler boxes.

## Across the Pacific

In New York, Chinese bakeries in Manhattan, Flushing and Brooklyn are preparing for their own rush. Dorothy Chan, whose family bakery in Brooklyn has made mooncakes for three generations, said orders now come from far beyond the Chinese community.

> "We have office managers ordering two hundred for their staff," she said. "Some of them don't know what is inside. They just know everybody likes getting one."

Our full festival coverage, including a guide to the best mooncakes in both cities and a recipe from Mrs Pan's kitchen, will follow. Write to the newsroom and tell us your favourite filling; we will publish a selection of your answers.`,
  },
];
