using System.Globalization;

namespace Regiekamer.Core.Common;

/// <summary>
/// Time as the department reads it: Brussels dates and times over the injected <see cref="TimeProvider"/>. Stored
/// instants are UTC; what people see and what the rules judge on (a call's judgement date, a deadline day, an audit
/// filter's dates) is Brussels time, also on a server or CI machine in another zone. The web app and the CLI both use it.
/// </summary>
public sealed class BrusselsClock(TimeProvider time)
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public TimeProvider Time { get; } = time;

    /// <summary>Now, in UTC, as stored.</summary>
    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    /// <summary>Now in Brussels, with its offset (+01:00 in winter, +02:00 in summer).</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone);

    /// <summary>Today's date in Brussels.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>A stored UTC instant in Brussels time, with its offset.</summary>
    public static DateTimeOffset InBrussels(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>Midnight at the start of a Brussels date, in UTC (23:00 or 22:00 the day before, by the season).</summary>
    public static DateTime StartOfDayUtc(DateOnly brusselsDate) =>
        TimeZoneInfo.ConvertTimeToUtc(brusselsDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>"15/01/2023 14:05": a stored instant as people read it, in Brussels.</summary>
    public static string Display(DateTime utc) => InBrussels(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
