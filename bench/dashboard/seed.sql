-- A portfolio of 1,000 positions as a serious user's might be: 60 daily bars and 10 days of signals per symbol,
-- rules on a third of them. Symbols 10000.HK–10999.HK cannot collide with the demo's.
INSERT INTO portfolios (portfolio_id, name, description) VALUES ('Bench_1000', 'Benchmark: 1,000 positions', 'bench/dashboard');
INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector)
SELECT 'Bench_1000', (10000 + i)::text || '.HK', 'Company ' || i, 100 * (1 + i % 50), 10 + (i % 97), 10 + (i % 89) + (i % 7) * 0.125,
       (ARRAY['Tech', 'Financials', 'Energy', 'REIT', 'Consumer', 'Industrials', 'Utilities'])[1 + i % 7]
FROM generate_series(0, 999) i;
INSERT INTO position_rules (portfolio_id, symbol, target_sell, stop_loss)
SELECT 'Bench_1000', (10000 + i)::text || '.HK', 200, 5 FROM generate_series(0, 999, 3) i;
INSERT INTO daily_bars (symbol, trade_date, open, high, low, close, volume)
SELECT (10000 + i)::text || '.HK', d::date, 50, 52, 49, 51, 100000
FROM generate_series(0, 999) i, generate_series(current_date - 90, current_date - 1, interval '1 day') d
WHERE extract(isodow FROM d) < 6;
INSERT INTO signal_runs (portfolio_id, as_of, parameters, program_version, signal_count) VALUES ('Bench_1000', current_date - 1, '{}', 'bench', 10000);
INSERT INTO signals (run_id, portfolio_id, symbol, trade_date, code, strategy_code, strength, close, evidence)
SELECT (SELECT max(id) FROM signal_runs), 'Bench_1000', (10000 + i)::text || '.HK', current_date - 1 - k, 'HMOM5', 'HMOM', 5, 51, '{"reasons": ["benchmark"]}'
FROM generate_series(0, 999) i, generate_series(0, 9) k;
VACUUM ANALYZE;
