using HkStrategy.Core.Ledger;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>
/// An activity as Ghostfolio and Wealthfolio write one (a type in capitals, a quantity, a unit price, a fee, an amount),
/// turned into hks's. Interest on cash is a deposit, a tax a fee charged apart; what hks does not keep (an item, a
/// liability, a currency conversion) is refused with its type named, before its symbol is read.
/// </summary>
internal sealed record ForeignActivity(string Type, DateOnly Date, string SymbolText, decimal? Quantity, decimal? UnitPrice, decimal? Fee, decimal? Amount,
    string Currency, string? Comment)
{
    public ActivityDraft Draft(string portfolioId)
    {
        var (type, note) = Type.Trim().ToUpperInvariant() switch
        {
            "BUY" => (ActivityType.Buy, null),
            "SELL" => (ActivityType.Sell, null),
            "DIVIDEND" => (ActivityType.Dividend, null),
            "FEE" => (ActivityType.Fee, null),
            "TAX" => (ActivityType.Fee, "tax"),
            "INTEREST" => (ActivityType.Deposit, "interest"),
            "DEPOSIT" => (ActivityType.Deposit, null),
            "WITHDRAWAL" => (ActivityType.Withdrawal, null),
            "TRANSFER_IN" => (ActivityType.TransferIn, null),
            "TRANSFER_OUT" => (ActivityType.TransferOut, null),
            _ => throw FileValues.Bad($"activity type '{FileValues.Shown(Type)}' is not one hks keeps (BUY, SELL, DIVIDEND, FEE, TAX, INTEREST, DEPOSIT, WITHDRAWAL, TRANSFER_IN, TRANSFER_OUT)"),
        };
        var symbol = FileValues.Symbol(SymbolText); // after the type, so that what hks does not keep is named as such
        var shares = type is ActivityType.Buy or ActivityType.Sell or ActivityType.TransferIn or ActivityType.TransferOut;
        var money = Amount ?? (type == ActivityType.Fee && Fee is > 0m ? Fee : Quantity * UnitPrice);
        return new ActivityDraft
        {
            PortfolioId = portfolioId, Type = type, TradeDate = Date,
            Symbol = type is ActivityType.Deposit or ActivityType.Withdrawal ? null : symbol,
            Quantity = shares ? WholeShares() : null,
            Price = shares && type != ActivityType.TransferOut ? UnitPrice : null,
            Amount = shares ? null : money is { } m ? Math.Round(m, 2, MidpointRounding.AwayFromZero) : null,
            Currency = Currencies.Parse(Currency),
            Fees = shares || type == ActivityType.Dividend ? FeesChoice.Given(Fee ?? 0m) : FeesChoice.Default,
            Note = Comment is { Length: > 0 } c ? HkStrategy.Core.Input.InputValues.Text("comment", note is null ? c : $"{note}: {c}", 500) : note,
        };
    }

    private int WholeShares() =>
        Quantity is { } q && q > 0m && q == decimal.Truncate(q) && q <= int.MaxValue ? (int)q
        : throw FileValues.Bad($"quantity {Quantity} is not a whole number of shares above 0");
}
