namespace HkStrategy.Core.Symbols;

/// <summary>A company's name and sector, filled in for a new position when the user gives none.</summary>
public sealed record CompanyFacts(string Name, string Sector);

/// <summary>Well-known HKEX companies (the prototype's list and the Hang Seng's heavyweights).</summary>
public static class KnownCompanies
{
    private static readonly Dictionary<string, CompanyFacts> Companies = new(StringComparer.Ordinal)
    {
        ["0001.HK"] = new("CK Hutchison Holdings", "Conglomerates"),
        ["0002.HK"] = new("CLP Holdings", "Utilities"),
        ["0003.HK"] = new("Hong Kong and China Gas", "Utilities"),
        ["0005.HK"] = new("HSBC Holdings plc", "Financials"),
        ["0006.HK"] = new("Power Assets Holdings", "Utilities"),
        ["0011.HK"] = new("Hang Seng Bank", "Financials"),
        ["0016.HK"] = new("Sun Hung Kai Properties", "Properties"),
        ["0027.HK"] = new("Galaxy Entertainment Group", "Consumer"),
        ["0066.HK"] = new("MTR Corporation", "Industrials"),
        ["0175.HK"] = new("Geely Automobile Holdings", "Consumer"),
        ["0241.HK"] = new("Alibaba Health Information Technology", "Healthcare"),
        ["0267.HK"] = new("CITIC Limited", "Conglomerates"),
        ["0288.HK"] = new("WH Group", "Consumer"),
        ["0316.HK"] = new("Orient Overseas", "Other"),
        ["0388.HK"] = new("Hong Kong Exchanges", "Financials"),
        ["0669.HK"] = new("Techtronic Industries", "Industrials"),
        ["0700.HK"] = new("Tencent Holdings Ltd", "Tech"),
        ["0762.HK"] = new("China Unicom (Hong Kong)", "Telecom"),
        ["0823.HK"] = new("Link REIT", "REIT"),
        ["0857.HK"] = new("PetroChina Company Ltd", "Energy"),
        ["0883.HK"] = new("CNOOC Limited", "Energy"),
        ["0939.HK"] = new("China Construction Bank", "Financials"),
        ["0941.HK"] = new("China Mobile", "Telecom"),
        ["0981.HK"] = new("Semiconductor Manufacturing International", "Tech"),
        ["0992.HK"] = new("Lenovo Group", "Tech"),
        ["1024.HK"] = new("Kuaishou Technology", "Tech"),
        ["1211.HK"] = new("BYD Company", "Consumer"),
        ["1299.HK"] = new("AIA Group", "Financials"),
        ["1398.HK"] = new("Industrial and Commercial Bank of China", "Financials"),
        ["1810.HK"] = new("Xiaomi Corporation", "Tech"),
        ["2020.HK"] = new("ANTA Sports Products", "Consumer"),
        ["2318.HK"] = new("Ping An Insurance", "Financials"),
        ["2382.HK"] = new("Sunny Optical Technology", "Tech"),
        ["2388.HK"] = new("BOC Hong Kong (Holdings)", "Financials"),
        ["2800.HK"] = new("Tracker Fund of Hong Kong", "ETF"),
        ["2628.HK"] = new("China Life Insurance", "Financials"),
        ["2888.HK"] = new("Standard Chartered PLC", "Financials"),
        ["3690.HK"] = new("Meituan", "Tech"),
        ["3988.HK"] = new("Bank of China", "Financials"),
        ["9618.HK"] = new("JD.com", "Tech"),
        ["9888.HK"] = new("Baidu", "Tech"),
        ["9988.HK"] = new("Alibaba Group", "Tech"),
        ["9999.HK"] = new("NetEase", "Tech"),
    };

    public static CompanyFacts? Find(string symbol) => Companies.GetValueOrDefault(symbol);
}
