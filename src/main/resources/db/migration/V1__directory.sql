-- directory: regions (GB/T 2260), industries (GB/T 4754-2017), parks, institutions, enterprises
CREATE TABLE region (
    code        VARCHAR(6)   PRIMARY KEY,
    name_zh     VARCHAR(64)  NOT NULL,
    name_en     VARCHAR(64)  NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    parent      VARCHAR(6),
    grid_region VARCHAR(32)  NOT NULL
);

CREATE TABLE industry (
    code             VARCHAR(4)   PRIMARY KEY,
    name_zh          VARCHAR(64)  NOT NULL,
    name_en          VARCHAR(128) NOT NULL,
    methodology      VARCHAR(16)  NOT NULL,
    ets_covered_from INTEGER
);

CREATE TABLE park (
    code        VARCHAR(32)  PRIMARY KEY,
    name_zh     VARCHAR(128) NOT NULL,
    name_en     VARCHAR(128),
    region_code VARCHAR(6)   NOT NULL REFERENCES region (code),
    synthetic   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE institution (
    code        VARCHAR(32)  PRIMARY KEY,
    name_zh     VARCHAR(128) NOT NULL,
    name_en     VARCHAR(128),
    type        VARCHAR(32)  NOT NULL,
    region_code VARCHAR(6)   REFERENCES region (code),
    synthetic   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE enterprise (
    uscc             VARCHAR(18)  PRIMARY KEY,
    name_zh          VARCHAR(200) NOT NULL,
    name_en          VARCHAR(200),
    region_code      VARCHAR(6)   NOT NULL,
    industry_code    VARCHAR(4)   NOT NULL REFERENCES industry (code),
    size_class       VARCHAR(8)   NOT NULL,
    transition_stage VARCHAR(8)   NOT NULL,
    park_code        VARCHAR(32)  REFERENCES park (code),
    synthetic        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version          INTEGER      NOT NULL DEFAULT 0
);

CREATE INDEX enterprise_region_idx ON enterprise (region_code);
CREATE INDEX enterprise_industry_idx ON enterprise (industry_code);
CREATE INDEX enterprise_park_idx ON enterprise (park_code);
CREATE INDEX enterprise_name_idx ON enterprise (name_zh);
