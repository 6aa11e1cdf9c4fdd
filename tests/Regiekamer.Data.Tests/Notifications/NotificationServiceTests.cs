using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Notifications;

/// <summary>Making notifications once, and a person's own list: newest first, paged, unread counted, marked read only by its owner.</summary>
public sealed class NotificationServiceTests
{
    private static NotificationDraft Draft(string key) =>
        new(key, NotificationKind.Receipt, null, null, new($"Onderwerp {key}", $"Subject {key}"), new("Tekst", "Text"), "/Notifications");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDatabase_RefusesASecondNotificationWithTheSameKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var recipient = new Recipient(null, "lies@regie.test");
        await using var db = database.NewDb();
        db.Notifications.Add(Notification.For(Draft("dup"), recipient, DateTime.UtcNow));
        await db.SaveChangesAsync();
        db.Notifications.Add(Notification.For(Draft("dup"), recipient with { Email = "LIES@regie.test" }, DateTime.UtcNow));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(NotificationService.IsUniqueViolation(refused), refused.InnerException?.Message);
    }

    /// <summary>Twelve units of work on two instances make the same notification for the same three people at the same moment: three rows, three counted.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_ManyAtOnce_StoresEachOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var a = Reminders.Services(database);
        await using var b = Reminders.Services(database);
        Recipient[] recipients = [new(null, "a@regie.test"), new(null, "b@regie.test"), new(null, "c@regie.test")];
        for (var round = 0; round < 5; round++)
        {
            var draft = Draft($"race:{round}");
            using var start = new Barrier(12);
            var made = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
            {
                await using var scope = (i % 2 == 0 ? a : b).CreateAsyncScope();
                var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
                start.SignalAndWait();
                return await notifications.CreateAsync(draft, recipients);
            })));
            Assert.Equal(3, made.Sum());
        }

        Assert.Equal(15, (await Reminders.StoredAsync(database)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_IsMineOnly_NewestFirst_Paged_WithTheUnreadCounted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var me = await services.CreateUserAsync();
        var other = await services.CreateUserAsync();
        await using var scope = services.CreateAsyncScope();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
        for (var i = 1; i <= 25; i++)
        {
            database.Time.Advance(TimeSpan.FromMinutes(1));
            await notifications.CreateAsync(Draft($"n{i}"), [new(me.Id, me.Email), new(other.Id, other.Email)]);
        }

        var first = await notifications.ListAsync(me.Id, 1, 10);
        Assert.Equal((25, 25, 3), (first.Total, first.Unread, first.Pages));
        Assert.Equal(Enumerable.Range(16, 10).Reverse().Select(i => $"Onderwerp n{i}"), first.Items.Select(n => n.SubjectNl));
        Assert.All(first.Items, n => Assert.Equal(me.Id, n.UserId));
        var last = await notifications.ListAsync(me.Id, 3, 10);
        Assert.Equal(["Onderwerp n5", "Onderwerp n4", "Onderwerp n3", "Onderwerp n2", "Onderwerp n1"], last.Items.Select(n => n.SubjectNl));
        Assert.Equal(3, (await notifications.ListAsync(me.Id, 99, 10)).Page);

        Assert.True((await notifications.MarkReadAsync(me.Id, first.Items[0].Id)).Value);
        Assert.False((await notifications.MarkReadAsync(me.Id, first.Items[0].Id)).Value); // again: fine, nothing changes
        Assert.Equal(24, await notifications.UnreadCountAsync(me.Id));
        Assert.Equal(24, await notifications.MarkAllReadAsync(me.Id));
        Assert.Equal(0, await notifications.UnreadCountAsync(me.Id));
        Assert.Equal(25, await notifications.UnreadCountAsync(other.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MarkRead_OfAnotherPersonsNotification_IsNotFound_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var me = await services.CreateUserAsync();
        var other = await services.CreateUserAsync();
        await using var scope = services.CreateAsyncScope();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
        await notifications.CreateAsync(Draft("theirs"), [new(other.Id, other.Email)]);
        var theirs = Assert.Single((await notifications.ListAsync(other.Id)).Items);

        var refused = await notifications.MarkReadAsync(me.Id, theirs.Id);
        Assert.Equal(Core.Common.ErrorKind.NotFound, Assert.Single(refused.Errors).Kind);
        Assert.Equal(Core.Common.ErrorKind.NotFound, Assert.Single((await notifications.MarkReadAsync(me.Id, 999_999)).Errors).Kind);
        Assert.Empty((await notifications.ListAsync(me.Id)).Items);
        Assert.Equal(0, await notifications.MarkAllReadAsync(me.Id));
        Assert.Equal(1, await notifications.UnreadCountAsync(other.Id));
    }

    [Fact]
    public void Settings_ReadTheirKeys_AndRefuseNonsense()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:DeadlineDays"] = "1, 14,30",
            ["Reminders:ResponseDays"] = "5",
            ["Reminders:ReviewWaitingDays"] = "10",
            ["Notifications:DepartmentEmail"] = " subsidies@departement.test ",
        }).Build();
        var settings = NotificationSettings.From(config);
        Assert.Equal([30, 14, 1], settings.DeadlineDays);
        Assert.Equal((5, 10, "subsidies@departement.test", 365), (settings.ResponseDays, settings.ReviewWaitingDays, settings.DepartmentEmail, settings.RetentionDays));

        var numbered = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:DeadlineDays:0"] = "7",
            ["Reminders:DeadlineDays:1"] = "2",
        }).Build();
        Assert.Equal([7, 2], NotificationSettings.From(numbered).DeadlineDays);
        Assert.Equal([30, 7, 1], NotificationSettings.From(new ConfigurationBuilder().Build()).DeadlineDays);

        foreach (var (key, value) in new[] { ("Reminders:DeadlineDays", "30,zeven"), ("Reminders:DeadlineDays", "0"), ("Reminders:ResponseDays", "-1"), ("Notifications:DepartmentEmail", "geen adres") })
        {
            var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
            var e = Assert.Throws<InvalidOperationException>(() => NotificationSettings.From(bad));
            Assert.StartsWith(key, e.Message, StringComparison.Ordinal);
        }
    }
}
