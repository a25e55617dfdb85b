-- Inventory split (decision 014). Until now `products.stock` was the units AVAILABLE: placing an
-- order took its units off, shipping did not. Units held by open lines (pending orders, and paid
-- orders' lines not yet shipped) are still on the shelf, so:
--   reserved = units of those lines;  on hand = old stock + reserved.
-- The next migrations drop `stock` and bring it back as a column generated from on_hand - reserved.
UPDATE `products` SET `reserved` = coalesce((
	SELECT sum(oi.quantity) FROM `order_items` oi JOIN `orders` o ON o.id = oi.order_id
	WHERE oi.product_id = `products`.id
		AND (o.status = 'pending' OR (o.status IN ('paid', 'partly_fulfilled', 'fulfilled') AND oi.shipped_at IS NULL))
), 0);
--> statement-breakpoint
UPDATE `products` SET `on_hand` = max(`stock`, 0) + `reserved`;
--> statement-breakpoint
-- A deal's sold_count counted the units of pending orders too: those are reserved at the deal price
-- until paid; what remains was paid for.
UPDATE `festival_deals` SET `reserved_count` = coalesce((
	SELECT sum(oi.quantity) FROM `order_items` oi JOIN `orders` o ON o.id = oi.order_id
	WHERE oi.deal_id = `festival_deals`.id AND o.status = 'pending'
), 0);
--> statement-breakpoint
UPDATE `festival_deals` SET `sold_count` = max(`sold_count` - `reserved_count`, 0);
--> statement-breakpoint
-- A backstop under the model code: no write may leave reserved units below zero or above the units
-- on hand (available below zero), nor a deal's counts below zero. Such a write fails its whole
-- transaction instead of creating or losing units silently.
CREATE TRIGGER `products_inventory_guard_insert` BEFORE INSERT ON `products`
	WHEN NEW.reserved < 0 OR NEW.on_hand < NEW.reserved
BEGIN
	SELECT RAISE(ABORT, 'inventory: reserved units must stay between 0 and the units on hand');
END;
--> statement-breakpoint
CREATE TRIGGER `products_inventory_guard_update` BEFORE UPDATE OF `on_hand`, `reserved` ON `products`
	WHEN NEW.reserved < 0 OR NEW.on_hand < NEW.reserved
BEGIN
	SELECT RAISE(ABORT, 'inventory: reserved units must stay between 0 and the units on hand');
END;
--> statement-breakpoint
CREATE TRIGGER `festival_deals_units_guard` BEFORE UPDATE OF `sold_count`, `reserved_count` ON `festival_deals`
	WHEN NEW.sold_count < 0 OR NEW.reserved_count < 0
BEGIN
	SELECT RAISE(ABORT, 'inventory: deal units must not go below zero');
END;
