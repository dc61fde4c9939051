-- marks that the synthetic demo province was loaded, with its seed, so it loads exactly once;
-- state LOADING means the directory is in and the data submissions may still be under way
CREATE TABLE demo_load (
    id          INTEGER PRIMARY KEY,
    seed        BIGINT       NOT NULL,
    enterprises INTEGER      NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
