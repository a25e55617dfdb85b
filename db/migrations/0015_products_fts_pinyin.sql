-- The fallback's FTS5 table gains a `pinyin` column: the pinyin (syllables, joined runs, initials;
-- search/pinyin.ts) of the Chinese title and of the store, country and category names, so "kafei",
-- "kenniya" and a Chinese query re-run as pinyin match when Meilisearch is down. FTS5 tables cannot
-- gain columns, so the table, its source view and its triggers are made again. `pinyin_text` is an
-- application function registered on every connection (db/client.ts openDatabase).
DROP TRIGGER IF EXISTS `products_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `products_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `products_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `products_fts_store_update`;
--> statement-breakpoint
DROP VIEW IF EXISTS `products_fts_source`;
--> statement-breakpoint
DROP TABLE IF EXISTS `products_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin,
	tokenize = 'trigram remove_diacritics 1'
);
--> statement-breakpoint
CREATE VIEW `products_fts_source` AS
	SELECT p.id AS id, p.title_en, p.title_zh, p.title_fr, p.tags,
		s.name_en || ' ' || s.name_zh || ' ' || s.name_fr AS store_names,
		c.name_en || ' ' || c.name_zh || ' ' || c.name_fr || ' ' || k.name_en || ' ' || k.name_zh || ' ' || k.name_fr || ' ' || s.city_en || ' ' || s.city_zh || ' ' || s.city_fr AS place_names,
		p.description_en, p.description_zh, p.description_fr,
		pinyin_text(p.title_zh) || ' ' || pinyin_text(s.name_zh || ' ' || c.name_zh || ' ' || k.name_zh) AS pinyin,
		p.store_id AS store_id
	FROM products p
	JOIN stores s ON s.id = p.store_id
	JOIN countries c ON c.code = s.country_code
	JOIN categories k ON k.id = p.category_id;
--> statement-breakpoint
INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin)
	SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin FROM `products_fts_source`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin)
		SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin FROM `products_fts_source` WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE ON `products` BEGIN
	DELETE FROM `products_fts` WHERE rowid = OLD.id;
	INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin)
		SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin FROM `products_fts_source` WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
	DELETE FROM `products_fts` WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_store_update` AFTER UPDATE OF name_en, name_zh, name_fr, city_en, city_zh, city_fr, country_code ON `stores` BEGIN
	DELETE FROM `products_fts` WHERE rowid IN (SELECT id FROM `products` WHERE store_id = NEW.id);
	INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin)
		SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin FROM `products_fts_source` WHERE store_id = NEW.id;
END;
