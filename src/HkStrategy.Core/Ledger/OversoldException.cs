using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Ledger;

/// <summary>An activity that sells or transfers out more shares than were held on its day (<c>SellsMoreThanHeld</c>), naming which.</summary>
public sealed class OversoldException(Activity activity, string message) : HksException("SellsMoreThanHeld", message, ExitCode.Refused)
{
    public Activity Activity { get; } = activity;
}
