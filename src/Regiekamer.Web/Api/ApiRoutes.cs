namespace Regiekamer.Web.Api;

public static class ApiRoutes
{
    public static void MapRegiekamerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.MapReferenceDataApi();
        api.MapPartnershipsApi();
        api.MapCallsApi();
        api.MapAllocationApi();
    }

    /// <summary>Parses an optional ?on=YYYY-MM-DD; absent means today (Brussels).</summary>
    public static bool TryDate(string? text, TimeProvider time, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(text))
        {
            date = Today(time);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    public static IResult BadDate(string? text) => Problems.Invalid("on", $"Datum '{text}' is geen geldige datum (JJJJ-MM-DD).", $"Date '{text}' is not a valid date (YYYY-MM-DD).");
}
