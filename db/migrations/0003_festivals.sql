CREATE TABLE `search_synonyms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`words` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `festival_deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`festival_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`deal_price_cents` integer,
	`discount_percent` integer,
	`deal_stock` integer,
	`sold_count` integer DEFAULT 0 NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `festival_deals_festival_product_idx` ON `festival_deals` (`festival_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `festival_deals_product_idx` ON `festival_deals` (`product_id`);--> statement-breakpoint
CREATE TABLE `festival_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`festival_id` integer NOT NULL,
	`store_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`title_en` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_fr` text NOT NULL,
	`product_ids` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `festival_sessions_festival_idx` ON `festival_sessions` (`festival_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `festival_stores` (
	`festival_id` integer NOT NULL,
	`store_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`festival_id`, `store_id`),
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `festivals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_fr` text NOT NULL,
	`tagline_en` text DEFAULT '' NOT NULL,
	`tagline_zh` text DEFAULT '' NOT NULL,
	`tagline_fr` text DEFAULT '' NOT NULL,
	`theme_color` text DEFAULT '#b45309' NOT NULL,
	`banner_url` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `festivals_slug_unique` ON `festivals` (`slug`);--> statement-breakpoint
CREATE INDEX `festivals_published_window_idx` ON `festivals` (`published`,`starts_at`,`ends_at`);--> statement-breakpoint
ALTER TABLE `stores` ADD `review_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The default synonym groups (search/synonyms.ts at the time); organizers edit them from here on.
INSERT INTO `search_synonyms` (`words`) VALUES
  ('["coffee","咖啡","café"]'),
  ('["coffee beans","咖啡豆","café en grains"]'),
  ('["tea","茶","茶叶","thé"]'),
  ('["black tea","红茶","thé noir"]'),
  ('["green tea","绿茶","thé vert"]'),
  ('["white tea","白茶","thé blanc"]'),
  ('["rooibos","路易波士茶","南非国宝茶","red bush tea"]'),
  ('["honeybush","蜜树茶"]'),
  ('["hibiscus","洛神花","bissap","zobo","karkade","karkadé","oseille de guinée"]'),
  ('["herbal tea","花草茶","infusion","tisane"]'),
  ('["shea butter","shea","乳木果油","乳木果","beurre de karité","karité"]'),
  ('["argan oil","argan","阿甘油","摩洛哥坚果油","huile d''argan"]'),
  ('["olive oil","橄榄油","huile d''olive"]'),
  ('["cashew","cashews","腰果","noix de cajou","cajou"]'),
  ('["macadamia","夏威夷果","澳洲坚果","noix de macadamia"]'),
  ('["dates","date","椰枣","海枣","dattes","datte"]'),
  ('["dried mango","芒果干","mangue séchée"]'),
  ('["dried fruit","果干","fruits séchés"]'),
  ('["vanilla","香草","香草荚","vanille"]'),
  ('["cloves","clove","丁香","clou de girofle","girofle"]'),
  ('["cardamom","豆蔻","cardamome"]'),
  ('["pepper","胡椒","poivre"]'),
  ('["cinnamon","肉桂","cannelle"]'),
  ('["saffron","藏红花","番红花","safran"]'),
  ('["ginger","生姜","干姜","gingembre"]'),
  ('["spices","spice","香料","épices","épice"]'),
  ('["chocolate","巧克力","chocolat"]'),
  ('["cocoa","cacao","可可"]'),
  ('["baobab","猴面包树","猴面包树果"]'),
  ('["moringa","辣木"]'),
  ('["honey","蜂蜜","miel"]'),
  ('["honeycomb","巢蜜","rayon de miel"]'),
  ('["wine","葡萄酒","红酒","vin"]'),
  ('["sparkling wine","起泡酒","vin effervescent"]'),
  ('["ginger beer","姜汁汽水"]'),
  ('["black soap","黑皂","savon noir"]'),
  ('["clay","火山泥","argile","rhassoul"]'),
  ('["rose water","玫瑰纯露","玫瑰水","eau de rose"]'),
  ('["essential oil","精油","huile essentielle"]'),
  ('["frankincense","乳香","oliban","encens"]'),
  ('["myrrh","没药","myrrhe"]'),
  ('["henna","海娜","henné"]'),
  ('["skincare","护肤","护肤品","soin de la peau","cosmétiques"]'),
  ('["kente","肯特布"]'),
  ('["bogolan","mud cloth","泥染布","泥染","toile de boue"]'),
  ('["fabric","布料","面料","tissu"]'),
  ('["wax print","ankara","蜡染布","蜡染","wax"]'),
  ('["blanket","毛毯","毯子","couverture","plaid"]'),
  ('["beads","beaded","串珠","珠子","perles","perlé"]'),
  ('["necklace","项链","collier"]'),
  ('["bracelet","手镯","手链"]'),
  ('["earrings","耳环","耳坠","boucles d''oreilles"]'),
  ('["pendant","吊坠","pendentif"]'),
  ('["silver","银饰","argent"]'),
  ('["jewellery","jewelry","首饰","珠宝","bijoux"]'),
  ('["maasai","masai","马赛","massaï"]'),
  ('["carving","sculpture","雕刻","雕塑","木雕"]'),
  ('["makonde","马孔德","makondé"]'),
  ('["mask","面具","masque"]'),
  ('["basket","baskets","篮子","编织篮","panier","vannerie"]'),
  ('["rug","carpet","地毯","tapis"]'),
  ('["ceramic","ceramics","pottery","陶瓷","陶器","céramique","poterie"]'),
  ('["painting","绘画","画","peinture"]'),
  ('["leather","皮革","皮具","cuir","maroquinerie"]'),
  ('["bag","handbag","tote","手提包","包袋","sac"]'),
  ('["sandals","凉鞋","sandales"]'),
  ('["wallet","钱包","皮夹","portefeuille"]'),
  ('["slippers","babouche","拖鞋","babouches"]'),
  ('["jacket","夹克","blouson","veste"]'),
  ('["candle","蜡烛","bougie"]');
