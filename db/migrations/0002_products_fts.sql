-- Full-text index for the SQLite search fallback (used when Meilisearch is unreachable).
-- Trigram tokens make Chinese substrings match without a word segmenter; remove_diacritics lets
-- "cafe" find "café". Rows are keyed by product id and kept current by the triggers below, so every
-- write that changes a product or its store's names updates it in the same transaction.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr,
	tokenize = 'trigram remove_diacritics 1'
);
--> statement-breakpoint
CREATE VIEW `products_fts_source` AS
	SELECT p.id AS id, p.title_en, p.title_zh, p.title_fr, p.tags,
		s.name_en || ' ' || s.name_zh || ' ' || s.name_fr AS store_names,
		c.name_en || ' ' || c.name_zh || ' ' || c.name_fr || ' ' || k.name_en || ' ' || k.name_zh || ' ' || k.name_fr || ' ' || s.city_en || ' ' || s.city_zh || ' ' || s.city_fr AS place_names,
		p.description_en, p.description_zh, p.description_fr, p.store_id AS store_id
	FROM products p
	JOIN stores s ON s.id = p.store_id
	JOIN countries c ON c.code = s.country_code
	JOIN categories k ON k.id = p.category_id;
--> statement-breakpoint
INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr)
	SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr FROM `products_fts_source`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr)
		SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr FROM `products_fts_source` WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE ON `products` BEGIN
	DELETE FROM `products_fts` WHERE rowid = OLD.id;
	INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr)
		SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr FROM `products_fts_source` WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
	DELETE FROM `products_fts` WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_store_update` AFTER UPDATE OF name_en, name_zh, name_fr, city_en, city_zh, city_fr, country_code ON `stores` BEGIN
	DELETE FROM `products_fts` WHERE rowid IN (SELECT id FROM `products` WHERE store_id = NEW.id);
	INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr)
		SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr FROM `products_fts_source` WHERE store_id = NEW.id;
END;
