-- Version 1: the prototype's single-portfolio schema, exactly as it created it, so its SQL and dumps keep working.
CREATE TABLE portfolio_positions (
    id SERIAL PRIMARY KEY,
    symbol VARCHAR(10) NOT NULL UNIQUE,
    company_name VARCHAR(200),
    quantity INTEGER NOT NULL DEFAULT 0,
    avg_cost DECIMAL(10,3) NOT NULL DEFAULT 0,
    current_price DECIMAL(10,3) DEFAULT 0,
    market_value DECIMAL(12,2) GENERATED ALWAYS AS (quantity * current_price) STORED,
    unrealized_pnl DECIMAL(12,2) GENERATED ALWAYS AS ((current_price - avg_cost) * quantity) STORED,
    sector VARCHAR(50),
    last_updated TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE trading_signals (
    id SERIAL PRIMARY KEY,
    symbol VARCHAR(10) NOT NULL REFERENCES portfolio_positions(symbol) ON DELETE CASCADE,
    -- signal_type IN ('A', 'B', 'C', 'D'), written as PostgreSQL prints it back, so a dump restores it unchanged
    signal_type VARCHAR(1) NOT NULL CHECK (signal_type::text = ANY (ARRAY['A'::text, 'B'::text, 'C'::text, 'D'::text])),
    signal_strength DECIMAL(3,2) NOT NULL DEFAULT 0.5,
    price DECIMAL(10,3) NOT NULL,
    volume INTEGER DEFAULT 0,
    rsi DECIMAL(5,2),
    ma_5 DECIMAL(10,3),
    ma_20 DECIMAL(10,3),
    ma_50 DECIMAL(10,3),
    bollinger_upper DECIMAL(10,3),
    bollinger_lower DECIMAL(10,3),
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE price_history (
    id SERIAL PRIMARY KEY,
    symbol VARCHAR(10) NOT NULL REFERENCES portfolio_positions(symbol) ON DELETE CASCADE,
    price DECIMAL(10,3) NOT NULL,
    volume INTEGER DEFAULT 0,
    high DECIMAL(10,3),
    low DECIMAL(10,3),
    open_price DECIMAL(10,3),
    close_price DECIMAL(10,3),
    "timestamp" TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE portfolio_analyses (
    id SERIAL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    user_notes TEXT,
    start_pv DECIMAL(15,2),
    end_pv DECIMAL(15,2),
    total_return DECIMAL(10,4),
    max_drawdown DECIMAL(10,4),
    volatility DECIMAL(10,4),
    CONSTRAINT valid_date_range CHECK (end_date >= start_date),
    CONSTRAINT max_analysis_period CHECK (end_date <= start_date + INTERVAL '18 months')
);

CREATE TABLE portfolio_value_history (
    id SERIAL PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES portfolio_analyses(id) ON DELETE CASCADE,
    trade_date DATE NOT NULL,
    portfolio_value DECIMAL(15,2) NOT NULL,
    cash_value DECIMAL(15,2) DEFAULT 0,
    total_value DECIMAL(15,2) NOT NULL,
    daily_change DECIMAL(15,2) DEFAULT 0,
    daily_return DECIMAL(10,6) DEFAULT 0,
    top_contributors JSONB,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (analysis_id, trade_date)
);

CREATE INDEX idx_portfolio_positions_symbol ON portfolio_positions(symbol);
CREATE INDEX idx_trading_signals_symbol ON trading_signals(symbol);
CREATE INDEX idx_trading_signals_created_at ON trading_signals(created_at DESC);
CREATE INDEX idx_price_history_symbol_timestamp ON price_history(symbol, "timestamp" DESC);
CREATE INDEX idx_portfolio_analyses_dates ON portfolio_analyses(start_date, end_date);
CREATE INDEX idx_portfolio_value_history_analysis_date ON portfolio_value_history(analysis_id, trade_date);
CREATE INDEX idx_portfolio_value_history_trade_date ON portfolio_value_history(trade_date DESC);
