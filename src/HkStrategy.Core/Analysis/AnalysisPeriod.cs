using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Analysis;

/// <summary>The rules of an analysis's period, checked before the database's own CHECK constraints could refuse it.</summary>
public static class AnalysisPeriod
{
    public static void Require(DateOnly from, DateOnly to, int maxMonths)
    {
        if (to < from)
        {
            throw HksException.Usage("InvalidPeriod", $"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        }
        if (to > from.AddMonths(maxMonths))
        {
            throw HksException.Usage("PeriodTooLong", $"the period {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is longer than {maxMonths} months, the most an analysis may cover");
        }
    }
}
