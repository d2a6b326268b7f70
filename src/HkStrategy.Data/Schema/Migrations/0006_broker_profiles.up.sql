-- Version 6: a broker profile per portfolio, what its broker charges per trade: a commission rate of the
-- consideration with a minimum, and a flat platform fee. A portfolio without one pays no commission (hks does not
-- guess a broker's tariff). The costs of each activity stay as they were recorded: a new profile changes the trades
-- recorded after it, not those before.
-- Runs on version 5; after a rollback to version 5 (whose archive, hks_archive_v6, it brings back), the archived
-- profiles of the portfolios that still exist.

CREATE TABLE broker_profiles (
    portfolio_id VARCHAR(50) PRIMARY KEY REFERENCES portfolios(portfolio_id) ON DELETE CASCADE,
    broker VARCHAR(100),
    commission_rate NUMERIC(8,6) NOT NULL DEFAULT 0 CHECK (commission_rate >= 0::numeric AND commission_rate <= 0.01),
    commission_minimum NUMERIC(10,2) NOT NULL DEFAULT 0 CHECK (commission_minimum >= 0::numeric),
    platform_fee NUMERIC(10,2) NOT NULL DEFAULT 0 CHECK (platform_fee >= 0::numeric),
    updated_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);

DO $$
BEGIN
    IF to_regnamespace('hks_archive_v6') IS NOT NULL THEN
        -- The profiles of portfolios deleted since the rollback are kept in hks_orphaned (never dropped by hks).
        INSERT INTO broker_profiles SELECT b.* FROM hks_archive_v6.broker_profiles b
            WHERE EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = b.portfolio_id);
        IF EXISTS (SELECT 1 FROM hks_archive_v6.broker_profiles b WHERE NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = b.portfolio_id)) THEN
            CREATE SCHEMA IF NOT EXISTS hks_orphaned;
            CREATE TABLE IF NOT EXISTS hks_orphaned.broker_profiles (LIKE hks_archive_v6.broker_profiles);
            INSERT INTO hks_orphaned.broker_profiles SELECT b.* FROM hks_archive_v6.broker_profiles b
                WHERE NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = b.portfolio_id);
            RAISE NOTICE 'broker profiles of portfolios deleted since the rollback were kept in hks_orphaned.broker_profiles';
        END IF;
        DROP TABLE hks_archive_v6.broker_profiles;
        DROP SCHEMA hks_archive_v6;
    END IF;
END $$;
