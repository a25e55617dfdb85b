-- The FTS row of a product is rebuilt only when a column it is made of changes (titles, tags,
-- descriptions, store, category), not on every stock, price, rating or status update: a review
-- (decision 028) or a sale no longer recomputes the pinyin of the title and rewrites the FTS row.
DROP TRIGGER IF EXISTS `products_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE OF title_en, title_zh, title_fr, tags, description_en, description_zh, description_fr, store_id, category_id ON `products` BEGIN
	DELETE FROM `products_fts` WHERE rowid = OLD.id;
	INSERT INTO `products_fts` (rowid, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin)
		SELECT id, title_en, title_zh, title_fr, tags, store_names, place_names, description_en, description_zh, description_fr, pinyin FROM `products_fts_source` WHERE id = NEW.id;
END;
