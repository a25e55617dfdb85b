-- Only the lifecycle module changes a status, and it writes the event first: a status change with
-- no matching event as the order's latest is refused, so no code path can skip the table or the timeline.
CREATE TRIGGER `orders_status_needs_event` BEFORE UPDATE OF `status` ON `orders`
	WHEN OLD.status <> NEW.status AND NOT EXISTS (
		SELECT 1 FROM `order_events` e
		WHERE e.id = (SELECT max(id) FROM `order_events` WHERE `order_id` = NEW.id)
			AND e.kind = 'status' AND e.from_status = OLD.status AND e.to_status = NEW.status
	)
BEGIN
	SELECT RAISE(ABORT, 'orders: a status changes only through the order lifecycle (with its event)');
END;
