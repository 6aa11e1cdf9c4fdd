namespace Regiekamer.TestCommon;

/// <summary>
/// A clock the test sets. Microsoft.Extensions.TimeProvider.Testing is not on our package mirror, and we only
/// need "now": timers still run on the system clock.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    /// <summary>14 January 2023 23:59 in Brussels (CET, UTC+1): one minute before the 2023-2025 deadline day ends.</summary>
    public static readonly DateTimeOffset DayBeforeDeadline = new(2023, 1, 14, 22, 59, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();
    private DateTimeOffset _utcNow;

    public FakeTimeProvider()
        : this(DayBeforeDeadline)
    {
    }

    public FakeTimeProvider(DateTimeOffset utcNow) => _utcNow = utcNow.ToUniversalTime();

    /// <summary>The zone <see cref="TimeProvider.GetLocalNow"/> converts to; Brussels, like the users.</summary>
    public TimeZoneInfo TimeZone { get; set; } = Brussels;

    public override TimeZoneInfo LocalTimeZone => TimeZone;

    public static TimeZoneInfo Brussels { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _utcNow;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_lock)
        {
            _utcNow = value.ToUniversalTime();
        }
    }

    public void Advance(TimeSpan delta)
    {
        lock (_lock)
        {
            _utcNow += delta;
        }
    }
}
