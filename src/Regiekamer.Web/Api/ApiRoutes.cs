using Regiekamer.Core.Calls;

namespace Regiekamer.Web.Api;

public static class ApiRoutes
{
    public static void MapRegiekamerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.AddEndpointFilterFactory(KnownCall);
        api.MapReferenceDataApi();
        api.MapPartnershipsApi();
        api.MapCallsApi();
        api.MapAllocationApi();
        api.MapAuditApi();
    }

    /// <summary>
    /// Every operation with a <c>callId</c> answers 404 for a call that does not exist, before its handler runs (which
    /// would otherwise evaluate against nothing). Each of them declares the 404 (ProducesProblems).
    /// </summary>
    private static EndpointFilterDelegate KnownCall(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        if (!factory.MethodInfo.GetParameters().Any(p => p.Name == "callId"))
        {
            return next;
        }

        return async context =>
        {
            var text = context.HttpContext.Request.Query["callId"].ToString();
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var callId)
                && await context.HttpContext.RequestServices.GetRequiredService<CallService>().GetAsync(callId, context.HttpContext.RequestAborted) is null)
            {
                return Problems.From(CallService.CallNotFound(callId));
            }

            return await next(context);
        };
    }

    /// <summary>Parses an optional ?on=YYYY-MM-DD; absent means the call's default date (today while it runs). Null when malformed.</summary>
    public static async Task<DateOnly?> DateAsync(string? text, int? callId, CallService calls, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (string.IsNullOrWhiteSpace(text))
        {
            return await calls.DefaultDateAsync(callId, Today(time), ct);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
    }

    public static async Task<DateOnly> DateAsync(DateOnly? given, int? callId, CallService calls, TimeProvider time, CancellationToken ct) =>
        given ?? await calls.DefaultDateAsync(callId, Today(time), ct);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    public static IResult BadDate(string? text) => Problems.Invalid("on", $"Datum '{text}' is geen geldige datum (JJJJ-MM-DD).", $"Date '{text}' is not a valid date (YYYY-MM-DD).");
}
