namespace HkStrategy.Core.Portfolios;

/// <summary>The seed document's verified working state: five portfolios, twelve positions, HK$4,052,660.20.</summary>
public static class DemoState
{
    public const string MainPortfolioId = "My_HKEX_ALL";

    public const decimal TotalMarketValue = 4_052_660.20m;

    public static IReadOnlyList<PortfolioSeed> Portfolios { get; } =
    [
        new("My_HKEX_ALL", "My HKEX Full Portfolio", "The full portfolio of my HKEX Companies"),
        new("HKEX_NonTech", "HKEX Non Tech", "List of my non-Tech HKEX Stock"),
        new("Backup_HKEXALL", "Backup_HKEXALL", "Backup of my full portfolio"),
        new("MyHKEX_Tech", "MYHKEX_Tech", "My HKEX Tech Portfolio"),
        new("HKEXALL_Backup", "HKEXALL_Backup", "My HKEX All Stock backup"),
    ];

    public static IReadOnlyList<PositionSeed> MainPositions { get; } =
    [
        new("0700.HK", "Tencent Holdings Ltd", 3100, 320.500m, 599.000m, "Tech"),
        new("0005.HK", "HSBC Holdings plc", 13428, 38.500m, 100.100m, "Financials"),
        new("9988.HK", "Alibaba Group", 2000, 115.000m, 118.500m, "Tech"),
        new("0939.HK", "China Construction Bank", 26700, 5.450m, 7.570m, "Financials"),
        new("0388.HK", "Hong Kong Exchanges", 300, 280.000m, 454.000m, "Financials"),
        new("0823.HK", "Link REIT", 1300, 42.800m, 41.660m, "REIT"),
        new("2888.HK", "Standard Chartered PLC", 348, 145.000m, 146.600m, "Financials"),
        new("3690.HK", "Meituan", 340, 95.000m, 102.000m, "Tech"),
        new("1810.HK", "Xiaomi Corporation", 2000, 12.300m, 53.300m, "Tech"),
        new("9618.HK", "JD.com", 133, 125.000m, 119.200m, "Tech"),
        new("0316.HK", "Orient Overseas", 100, 95.000m, 139.900m, "Other"),
        new("0857.HK", "PetroChina Company Ltd", 0, 7.500m, 7.600m, "Energy"),
    ];
}
