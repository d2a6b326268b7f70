namespace HkStrategy.Core.Ledger;

/// <summary>
/// The ledger's order: by trade date, then as recorded (an activity not stored yet comes last of its day). Lists read
/// from the database are in this order already, so they are checked in one pass and sorted only when they are not.
/// </summary>
public static class LedgerOrder
{
    public static int Compare(Activity x, Activity y)
    {
        var byDate = x.TradeDate.CompareTo(y.TradeDate);
        return byDate != 0 ? byDate : Recorded(x).CompareTo(Recorded(y));
    }

    public static List<Activity> Sorted(IEnumerable<Activity> activities)
    {
        var list = activities.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i - 1], list[i]) > 0)
            {
                // A stable sort (activities equal in order keep the order they came in) of whole-number keys: a ledger
                // read in the table's order is 100,000 activities, sorted on keys rather than by comparing the objects.
                var keys = new (int Day, long Recorded, int Index)[list.Count];
                for (var k = 0; k < keys.Length; k++)
                {
                    keys[k] = (list[k].TradeDate.DayNumber, Recorded(list[k]), k);
                }
                Array.Sort(keys);
                return [.. keys.Select(key => list[key.Index])];
            }
        }
        return list;
    }

    private static long Recorded(Activity activity) => activity.Id == 0 ? long.MaxValue : activity.Id;
}
