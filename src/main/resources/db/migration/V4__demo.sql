-- marks that the synthetic demo province was loaded, with its seed, so it loads exactly once
CREATE TABLE demo_load (
    id          INTEGER PRIMARY KEY,
    seed        BIGINT       NOT NULL,
    enterprises INTEGER      NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
