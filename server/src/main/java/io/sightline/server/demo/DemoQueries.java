package io.sightline.server.demo;

import io.sightline.server.demo.DemoSalesData.DemoQuery;
import java.util.List;

/**
 * The saved queries behind the demo dashboards. Queries over "recent" data measure from the newest
 * row, not from the clock, so they still show data when the demo database is months old.
 */
final class DemoQueries {

    private DemoQueries() {}

    static final List<DemoQuery> ALL = List.of(
            new DemoQuery(
                    "sales__revenue_by_region__v1",
                    "Revenue per region between two dates (bar chart).",
                    DemoSalesData.SEED_QUERY,
                    """
                    [{"name": "start_date", "title": "Start date", "type": "date", "value": "2020-01-01"},
                     {"name": "end_date", "title": "End date", "type": "date", "value": "d_now"}]"""),
            new DemoQuery(
                    "sales__monthly_revenue_trend__v1",
                    "Revenue per month and region over the complete months of the data (line chart).",
                    """
                    SELECT CAST(date_trunc('month', day) AS DATE) AS month, region,
                           SUM(revenue) AS revenue, SUM(transactions) AS transactions
                    FROM sales.daily_revenue
                    WHERE day >= (SELECT date_trunc('month', MIN(day) - 1) + INTERVAL 1 MONTH FROM sales.daily_revenue)
                      AND day < (SELECT date_trunc('month', MAX(day) + 1) FROM sales.daily_revenue)
                    GROUP BY ALL
                    ORDER BY month, region;""",
                    "[]"),
            new DemoQuery(
                    "sales__revenue_by_country__v1",
                    "Revenue per country (ISO 3166 alpha-3) over the last 12 months of data (map).",
                    """
                    SELECT country, SUM(amount) AS revenue, COUNT(*) AS transactions,
                           COUNT(DISTINCT customer_id) AS customers
                    FROM sales.fact_transactions
                    WHERE transaction_ts >= (SELECT MAX(transaction_ts) FROM sales.fact_transactions) - INTERVAL 12 MONTH
                    GROUP BY country
                    ORDER BY revenue DESC;""",
                    "[]"),
            new DemoQuery(
                    "sales__top_products__v1",
                    "The ten products with the most revenue in one region (bar chart).",
                    """
                    SELECT f.product, p.category, SUM(f.amount) AS revenue, COUNT(*) AS transactions
                    FROM sales.fact_transactions f
                    JOIN sales.dim_product p ON p.product = f.product
                    WHERE f.region = '{{ region }}'
                    GROUP BY f.product, p.category
                    ORDER BY revenue DESC
                    LIMIT 10;""",
                    """
                    [{"name": "region", "title": "Region", "type": "enum", "value": "EMEA",
                      "enumOptions": "EMEA\\nAMER\\nAPAC\\nLATAM"}]"""),
            new DemoQuery(
                    "sales__store_locations__v1",
                    "Where the stores are, with their country's revenue over the last year of data (map markers, bubbles).",
                    """
                    SELECT s.store_id, s.name, s.country, s.latitude, s.longitude,
                           COALESCE(r.revenue, 0) AS country_revenue
                    FROM sales.stores s
                    LEFT JOIN (SELECT country, SUM(amount) AS revenue
                               FROM sales.fact_transactions
                               WHERE transaction_ts > (SELECT MAX(transaction_ts) FROM sales.fact_transactions)
                                                      - INTERVAL 365 DAY
                               GROUP BY country) r ON r.country = s.country
                    ORDER BY s.store_id;""",
                    "[]"),
            new DemoQuery(
                    "sales__daily_revenue__v1",
                    "Revenue per day and region over the last days of data, 90 by default (line chart).",
                    """
                    SELECT day, region, revenue, transactions
                    FROM sales.daily_revenue
                    WHERE day > (SELECT MAX(day) FROM sales.daily_revenue) - {{ days }}
                    ORDER BY day, region;""",
                    """
                    [{"name": "days", "title": "Days", "type": "number", "value": 90}]"""),
            new DemoQuery(
                    "sales__customers_by_segment__v1",
                    "Customers, transactions and revenue per customer segment (pie or bar chart).",
                    """
                    SELECT c.segment,
                           COUNT(DISTINCT c.customer_id) AS customers,
                           COUNT(f.transaction_id) AS transactions,
                           COALESCE(SUM(f.amount), 0) AS revenue,
                           ROUND(COALESCE(SUM(f.amount), 0) / COUNT(DISTINCT c.customer_id), 2) AS revenue_per_customer
                    FROM sales.dim_customer c
                    LEFT JOIN sales.fact_transactions f ON f.customer_id = c.customer_id
                    GROUP BY c.segment
                    ORDER BY revenue DESC;""",
                    "[]"),
            new DemoQuery(
                    "sales__revenue_latest_day_vs_target__v1",
                    "Revenue of the latest day of data against a target: 5% above the average of the 28 days before (counter).",
                    """
                    WITH days AS (SELECT day, SUM(revenue) AS revenue FROM sales.daily_revenue GROUP BY day),
                         latest AS (SELECT MAX(day) AS day FROM days)
                    SELECT (SELECT day FROM latest) AS day,
                           (SELECT revenue FROM days WHERE day = (SELECT day FROM latest)) AS revenue,
                           ROUND(1.05 * (SELECT AVG(revenue) FROM days
                                         WHERE day < (SELECT day FROM latest)
                                           AND day >= (SELECT day FROM latest) - 28), 2) AS target;""",
                    "[]"),
            new DemoQuery(
                    "sales__revenue_by_region_and_quarter__v1",
                    "Revenue per region and quarter over the last 12 months of data (pivot table).",
                    """
                    SELECT region, strftime(day, '%Y') || '-Q' || CAST(quarter(day) AS VARCHAR) AS quarter,
                           SUM(revenue) AS revenue
                    FROM sales.daily_revenue
                    WHERE day > (SELECT MAX(day) FROM sales.daily_revenue) - INTERVAL 12 MONTH
                    GROUP BY ALL
                    ORDER BY quarter, region;""",
                    "[]"),
            new DemoQuery(
                    "sales__kpis_last_30_days__v1",
                    "Revenue, transactions, customers and average order over the last 30 days of data, each against a "
                            + "target 5% above the 30 days before (scorecard counters).",
                    """
                    WITH bounds AS (SELECT MAX(transaction_ts) AS latest FROM sales.fact_transactions),
                         cur AS (SELECT SUM(amount) AS revenue, COUNT(*) AS transactions,
                                        COUNT(DISTINCT customer_id) AS customers
                                 FROM sales.fact_transactions, bounds
                                 WHERE transaction_ts > latest - INTERVAL 30 DAY),
                         prev AS (SELECT SUM(amount) AS revenue, COUNT(*) AS transactions,
                                         COUNT(DISTINCT customer_id) AS customers
                                  FROM sales.fact_transactions, bounds
                                  WHERE transaction_ts <= latest - INTERVAL 30 DAY
                                    AND transaction_ts > latest - INTERVAL 60 DAY)
                    SELECT ROUND(cur.revenue, 2) AS revenue, ROUND(1.05 * prev.revenue, 2) AS revenue_target,
                           cur.transactions, CAST(ROUND(1.05 * prev.transactions) AS BIGINT) AS transactions_target,
                           cur.customers, CAST(ROUND(1.05 * prev.customers) AS BIGINT) AS customers_target,
                           ROUND(cur.revenue / cur.transactions, 2) AS average_order,
                           ROUND(1.05 * prev.revenue / prev.transactions, 2) AS average_order_target
                    FROM cur, prev;""",
                    "[]"));
}
