-- A penalty record found wrong on an enterprise's objection is withdrawn, not deleted: it stops
-- counting in ratings and reports, and the row keeps who withdrew it, when and why.
ALTER TABLE penalty ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE penalty ADD COLUMN withdrawn_by VARCHAR(64);
ALTER TABLE penalty ADD COLUMN withdrawal_note VARCHAR(2000);
