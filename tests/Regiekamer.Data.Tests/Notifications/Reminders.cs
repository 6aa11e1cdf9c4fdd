using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Common;
using Regiekamer.Core.Notifications;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Notifications;

/// <summary>What the notification tests share: the clock on a Brussels day and hour, a reminder run, and the stored notifications.</summary>
internal static class Reminders
{
    /// <summary>The 2023-2025 call's deadline (R8), as seeded.</summary>
    public static readonly DateOnly Deadline = OpenCall2023.Deadline;

    /// <summary>The app's services on the test database, with accounts (to make users with roles), and whatever else a test adds.</summary>
    public static ServiceProvider Services(TestDatabase database, Action<IServiceCollection>? configure = null) => database.BuildServices(s =>
    {
        s.AddDataProtection().UseEphemeralDataProtectionProvider();
        s.AddRegiekamerIdentity();
        configure?.Invoke(s);
    });

    /// <summary>Sets the test clock to <paramref name="day"/> at <paramref name="hour"/>:30 in Brussels.</summary>
    public static void At(this FakeTimeProvider time, DateOnly day, int hour = 9) =>
        time.SetUtcNow(new DateTimeOffset(BrusselsClock.StartOfDayUtc(day).AddHours(hour).AddMinutes(30), TimeSpan.Zero));

    /// <summary>One run of the reminder job's work, in a scope of its own (as Quartz gives each firing).</summary>
    public static async Task<ReminderRun> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync();
    }

    public static async Task<List<Notification>> StoredAsync(TestDatabase database, NotificationKind? kind = null)
    {
        await using var db = database.NewDb();
        var query = db.Notifications.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(n => n.Kind == k);
        }

        return await query.OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>The threshold in a deadline reminder's key (deadline:{call}:{partnership}:{last day}:{days}:{recipient}).</summary>
    public static int Days(Notification n) => int.Parse(n.Key.Split(':')[4], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The last day in a deadline reminder's key.</summary>
    public static string LastDay(Notification n) => n.Key.Split(':')[3];

    /// <summary>Who a notification is for, readably: the account's address, or "mail:" and the contact's.</summary>
    public static string Who(Notification n, IReadOnlyDictionary<Guid, string> emails) =>
        n.UserId is { } id ? emails[id] : "mail:" + n.Email;
}
