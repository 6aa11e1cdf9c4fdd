using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Infrastructure;

/// <summary>Dates as they arrive in a query string: YYYY-MM-DD, or nothing for "the call's judgement date".</summary>
public static class Dates
{
    /// <summary>Null for an empty value; an error naming the field for a malformed one.</summary>
    public static Result<DateOnly?> Parse(string? text, string field = "on")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<DateOnly?>.Ok(null);
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Result<DateOnly?>.Ok(date)
            : DomainError.Invalid("validation", $"Datum '{text}' is geen geldige datum (JJJJ-MM-DD).", $"Date '{text}' is not a valid date (YYYY-MM-DD).", field);
    }

    /// <summary>2023-01-15, as the API and forms write dates.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
