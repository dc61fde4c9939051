/**
 * Carbon credit rating (DESIGN §5.4): a versioned model as data, a plain-Java engine, ratings per
 * enterprise and year (and rolling twelve months) kept as history, re-rated when accounts, data
 * quality, penalties, ETS compliance or transition data change; overrides with a second person's
 * approval. API: {@link io.tanxin.rating.RatingManagement}, {@link io.tanxin.rating.Rating},
 * event {@link io.tanxin.rating.RatingChanged}.
 */
package io.tanxin.rating;
