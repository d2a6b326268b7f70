using HkStrategy.Core.Failures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HkStrategy.Web.Shared;

/// <summary>Input checked by the same rules as the command line; a failure is a 400 validation problem naming the field.</summary>
public static class ApiValidation
{
    public static ValidationProblem? Check(string field, Action rule)
    {
        try
        {
            rule();
            return null;
        }
        catch (HksException invalid) when (invalid.ExitCode == ExitCode.Usage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [invalid.Message] });
        }
    }
}
