-- accounting's copy of the data-quality score, shown with the account
CREATE TABLE account_data_quality (
    uscc        VARCHAR(18) NOT NULL,
    period      VARCHAR(7)  NOT NULL,
    score       INTEGER     NOT NULL,
    basis       VARCHAR(64) NOT NULL,
    assessed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (uscc, period)
);
