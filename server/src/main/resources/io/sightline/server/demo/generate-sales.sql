-- Builds the demo "sales" schema. DemoSalesData runs this script statement by statement after it
-- has loaded the reference tables ref_country, ref_product and ref_store (VARCHAR columns plus
-- the CSV line number) and set the variables n, first_day, day_count and customers.
--
-- Every random choice is unit(key, stream): a hash of a row key, a stream number and a fixed
-- seed. Unlike setseed() + random(), that gives the same data whatever the thread scheduling.
-- Weights are integers so that cumulative sums are exact and the same on every run.
-- Each statement ends with a semicolon at the end of a line (that is how the script is split).

CREATE TEMP MACRO unit(key, stream) AS CAST(hash(key, stream, 20240917) >> 11 AS DOUBLE) / 9007199254740992.0;

CREATE TEMP MACRO pick(options, u) AS options[1 + CAST(floor(u * len(options)) AS BIGINT)];

CREATE SCHEMA sales;

-- Products ---------------------------------------------------------------------------------------

CREATE TABLE sales.dim_product (
    product    VARCHAR       NOT NULL,
    category   VARCHAR       NOT NULL,
    list_price DECIMAL(10,2) NOT NULL
);

INSERT INTO sales.dim_product
SELECT product, category, CAST(list_price AS DECIMAL(10,2)) FROM ref_product ORDER BY category, product;

-- Stores (real city coordinates) -----------------------------------------------------------------

CREATE TABLE sales.stores (
    store_id  INTEGER NOT NULL,
    name      VARCHAR NOT NULL,
    country   VARCHAR NOT NULL,
    latitude  DOUBLE  NOT NULL,
    longitude DOUBLE  NOT NULL
);

INSERT INTO sales.stores
SELECT CAST(line AS INTEGER), city || ' Store', country, CAST(latitude AS DOUBLE), CAST(longitude AS DOUBLE)
FROM ref_store ORDER BY line;

-- Customers --------------------------------------------------------------------------------------
-- The first 40 % signed up during the five years before the data starts, the others one after the
-- other over the three years of data. Transactions pick only customers who have signed up by then.

CREATE TEMP TABLE country_pick AS
SELECT country, region, legal_form,
       (SUM(CAST(weight AS BIGINT)) OVER (ORDER BY country) - CAST(weight AS BIGINT))
           / SUM(CAST(weight AS BIGINT)) OVER () AS lower_bound
FROM ref_country;

CREATE TEMP TABLE settings AS
SELECT getvariable('n')         AS n,
       getvariable('first_day') AS first_day,
       getvariable('day_count') AS day_count,
       getvariable('customers') AS customers,
       getvariable('customers') * 2 // 5 AS existing_customers;

CREATE TABLE sales.dim_customer (
    customer_id BIGINT  NOT NULL,
    name        VARCHAR NOT NULL,
    segment     VARCHAR NOT NULL,
    country     VARCHAR NOT NULL,
    signup_date DATE    NOT NULL
);

INSERT INTO sales.dim_customer
WITH drawn AS (
    SELECT k + 1 AS customer_id,
           unit(k, 11) AS u_country,
           unit(k, 12) AS u_segment,
           unit(k, 13) AS u_name_1,
           unit(k, 14) AS u_name_2,
           unit(k, 15) AS u_signup,
           s.*
    FROM range((SELECT customers FROM settings)) r(k), settings s
), segmented AS (
    SELECT *,
           CASE WHEN u_segment < 0.45 THEN 'Consumer'
                WHEN u_segment < 0.75 THEN 'SMB'
                WHEN u_segment < 0.92 THEN 'Mid-Market'
                ELSE 'Enterprise' END AS segment
    FROM drawn
)
SELECT d.customer_id,
       CASE WHEN d.segment = 'Consumer' THEN
                pick(['Emma', 'Liam', 'Olivia', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Mateo', 'Hannah', 'Leon',
                      'Chloé', 'Hugo', 'Aiko', 'Haruto', 'Priya', 'Arjun', 'Wei', 'Mei', 'Ji-woo', 'Min-jun',
                      'Isabella', 'Santiago', 'Valentina', 'Gabriel', 'Camila', 'Diego', 'Sofia', 'Luca',
                      'Freya', 'Oscar', 'Amelia', 'Jack', 'Zoe', 'Ethan', 'Fatima', 'Omar', 'Lena', 'Jonas',
                      'Ana', 'Pedro'], d.u_name_1)
                || ' ' ||
                pick(['Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Martinez',
                      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Martin', 'Bernard', 'Dubois', 'Rossi',
                      'Russo', 'Fernández', 'López', 'González', 'Silva', 'Santos', 'Oliveira', 'Sato',
                      'Suzuki', 'Takahashi', 'Tanaka', 'Kim', 'Lee', 'Park', 'Wang', 'Li', 'Zhang', 'Chen',
                      'Patel', 'Sharma', 'Singh', 'Nguyen', 'Taylor', 'Wilson'], d.u_name_2)
            ELSE
                pick(['Northwind', 'Bluewater', 'Summit', 'Redwood', 'Silverline', 'Evergreen', 'Ironbridge',
                      'Brightpath', 'Cedar', 'Harbor', 'Keystone', 'Lakeside', 'Meridian', 'Nimbus', 'Orchard',
                      'Pinnacle', 'Quantum', 'Riverstone', 'Sterling', 'Sunrise', 'Trident', 'Vertex',
                      'Westfield', 'Atlas', 'Beacon', 'Cobalt', 'Falcon', 'Granite', 'Horizon', 'Juniper'],
                     d.u_name_1)
                || ' ' ||
                pick(['Logistics', 'Analytics', 'Foods', 'Health', 'Energy', 'Retail', 'Media', 'Robotics',
                      'Consulting', 'Software', 'Manufacturing', 'Travel', 'Finance', 'Design', 'Labs',
                      'Systems', 'Networks', 'Apparel', 'Pharma', 'Construction'], d.u_name_2)
                || ' ' || c.legal_form
       END,
       d.segment,
       c.country,
       CASE WHEN d.customer_id <= d.existing_customers
            THEN d.first_day - CAST(1 + floor(d.u_signup * 1825) AS INTEGER)
            ELSE d.first_day + CAST(((d.customer_id - d.existing_customers) * (d.day_count - 1)
                                      + (d.customers - d.existing_customers) - 1)
                                    // (d.customers - d.existing_customers) AS INTEGER)
       END
FROM segmented d
ASOF JOIN country_pick c ON d.u_country >= c.lower_bound
ORDER BY d.customer_id;

-- Calendar ---------------------------------------------------------------------------------------
-- Each day gets a share of the n transactions in proportion to its weight: growth year over year,
-- month and weekday seasonality, the Black Friday week and some noise. The shares are cut from
-- the exact integer cumulative weight, so they add up to n exactly.

CREATE TEMP TABLE days AS
WITH calendar AS (
    SELECT k AS day_index, s.first_day + CAST(k AS INTEGER) AS day
    FROM range((SELECT day_count FROM settings)) r(k), settings s
), weighted AS (
    SELECT day_index, day,
           CAST(1000000
                * pow(1.18, day_index / 365.25)
                * [0.82, 0.84, 0.95, 0.97, 1.00, 0.98, 0.90, 0.88, 1.00, 1.06, 1.28, 1.45][month(day)]
                * [1.00, 1.04, 1.06, 1.08, 1.15, 0.78, 0.58][isodow(day)]
                * CASE WHEN month(day) = 11 AND dayofmonth(day) >= 23 THEN 1.6 ELSE 1.0 END
                * (0.9 + 0.2 * unit(day_index, 1))
           AS BIGINT) AS weight
    FROM calendar
), cumulative AS (
    SELECT day_index, day, weight,
           SUM(weight) OVER (ORDER BY day_index) AS cumulative_weight,
           SUM(weight) OVER () AS total_weight
    FROM weighted
)
SELECT c.day_index, c.day,
       CAST(CAST(s.n AS HUGEINT) * (c.cumulative_weight - c.weight) // c.total_weight AS BIGINT) AS first_row,
       CAST(CAST(s.n AS HUGEINT) * c.cumulative_weight // c.total_weight AS BIGINT) AS end_row
FROM cumulative c, settings s;

-- Transactions -----------------------------------------------------------------------------------
-- Products: popularity times a per-region preference, so the top products differ by region.

CREATE TEMP TABLE product_pick AS
WITH weighted AS (
    SELECT r.region, p.product, CAST(p.list_price AS DOUBLE) AS list_price,
           CAST(p.popularity AS BIGINT) * (70 + CAST(floor(unit(p.product || '/' || r.region, 2) * 61) AS BIGINT))
               AS weight
    FROM ref_product p, (SELECT DISTINCT region FROM ref_country) r
)
SELECT region, product, list_price,
       (SUM(weight) OVER (PARTITION BY region ORDER BY product) - weight)
           / SUM(weight) OVER (PARTITION BY region) AS lower_bound
FROM weighted;

CREATE TEMP TABLE buyer AS
SELECT c.customer_id, c.segment, c.country, p.region
FROM sales.dim_customer c JOIN country_pick p USING (country);

CREATE TABLE sales.fact_transactions (
    transaction_id BIGINT        NOT NULL,
    transaction_ts TIMESTAMP     NOT NULL,
    region         VARCHAR       NOT NULL,
    country        VARCHAR       NOT NULL,
    customer_id    BIGINT        NOT NULL,
    product        VARCHAR       NOT NULL,
    amount         DECIMAL(12,2) NOT NULL
);

INSERT INTO sales.fact_transactions
WITH numbered AS (
    SELECT day_index, day, unnest(range(first_row, end_row)) AS i FROM days
), drawn AS (
    SELECT n.i, n.day_index, n.day,
           -- earlier (loyal) customers buy a little more often than new ones
           1 + CAST(floor(pow(unit(n.i, 21), 1.5)
                          * (s.existing_customers
                             + (s.customers - s.existing_customers) * n.day_index // greatest(s.day_count - 1, 1)))
                    AS BIGINT) AS customer_id,
           unit(n.i, 22) AS u_product,
           -- 85 % during business hours (peak early afternoon), the rest at any time
           CASE WHEN unit(n.i, 23) < 0.85 THEN 8 + 11 * (unit(n.i, 24) + unit(n.i, 25)) / 2
                ELSE 24 * unit(n.i, 24) END AS hour_of_day,
           -ln(1 - unit(n.i, 26)) AS tail_draw,
           0.80 + 0.25 * unit(n.i, 27) AS price_factor,
           pow(0.97, (s.day_count - n.day_index) / 365.25) AS price_level
    FROM numbered n, settings s
), priced AS (
    SELECT d.i,
           CAST(d.day AS TIMESTAMP) + to_seconds(CAST(floor(d.hour_of_day * 3600) AS BIGINT)) AS transaction_ts,
           b.region, b.country, d.customer_id, p.product,
           -- quantity has a Pareto tail, heavier for bigger customers: the long tail of amounts
           least(200, floor(exp(d.tail_draw * CASE b.segment WHEN 'Consumer' THEN 0.35
                                                             WHEN 'SMB' THEN 0.5
                                                             WHEN 'Mid-Market' THEN 0.6
                                                             ELSE 0.75 END))) AS quantity,
           p.list_price * d.price_factor * d.price_level AS unit_price
    FROM drawn d
    JOIN buyer b USING (customer_id)
    ASOF JOIN product_pick p ON b.region = p.region AND d.u_product >= p.lower_bound
)
SELECT row_number() OVER (ORDER BY transaction_ts, i),
       transaction_ts, region, country, customer_id, product,
       CAST(round(unit_price * quantity, 2) AS DECIMAL(12,2))
FROM priced
ORDER BY 1;

-- Aggregates -------------------------------------------------------------------------------------

CREATE TABLE sales.daily_revenue (
    day          DATE          NOT NULL,
    region       VARCHAR       NOT NULL,
    revenue      DECIMAL(14,2) NOT NULL,
    transactions BIGINT        NOT NULL
);

INSERT INTO sales.daily_revenue
SELECT CAST(transaction_ts AS DATE), region, SUM(amount), COUNT(*)
FROM sales.fact_transactions
GROUP BY ALL
ORDER BY 1, 2;

COMMENT ON TABLE sales.fact_transactions IS 'Demo sales: one row per sale over the three years before generation';
COMMENT ON TABLE sales.dim_customer IS 'Demo sales: customers, country as ISO 3166 alpha-3';
COMMENT ON TABLE sales.dim_product IS 'Demo sales: product catalogue';
COMMENT ON TABLE sales.daily_revenue IS 'Demo sales: revenue and transactions per day and region';
COMMENT ON TABLE sales.stores IS 'Demo sales: store locations at real city coordinates';
