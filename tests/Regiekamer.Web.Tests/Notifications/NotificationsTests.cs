using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using Regiekamer.Web.Tests.Security;

namespace Regiekamer.Web.Tests.Notifications;

/// <summary>Issue 8, point 8: each person sees their own notifications, in the app and through the API, and can mark only their own read.</summary>
public sealed class NotificationsTests
{
    /// <summary>Makes a notification for one of the test users, through the service, as the jobs and the dossier's events do.</summary>
    internal static async Task<int> NotifyAsync(TestApp app, Guid userId, string email, string key, string subject, string? link = "/Notifications")
    {
        using var scope = app.Services.CreateScope();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await notifications.CreateAsync(
            new NotificationDraft(key, NotificationKind.Receipt, null, null, new(subject, subject + " (en)"), new($"Tekst van {subject}\nTweede regel", $"Text of {subject}"), link),
            [new Recipient(userId, email)]));
        var mine = await notifications.ListAsync(userId, 1, 100);
        return mine.Items.First(n => n.SubjectNl == subject).Id;
    }

    private static async Task<int> UnreadAsync(TestApp app, Guid userId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().UnreadCountAsync(userId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_ListsOnlyMine_NewestFirst_AndMarksOnlyMineRead(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        var regisseur = who.UserId(Who.Regisseur);
        var signatory = who.UserId(Who.Signatory);
        var older = await NotifyAsync(app, regisseur, Principals.Email(Who.Regisseur), "a", "Ontvangstbewijs RK-2023-0001");
        var newer = await NotifyAsync(app, regisseur, Principals.Email(Who.Regisseur), "b", "Herinnering indienen");
        var theirs = await NotifyAsync(app, signatory, Principals.Email(Who.Signatory), "c", "Voor de ondertekenaar");
        using var client = who.Client(app, Who.Regisseur);

        var list = await client.GetJsonAsync("/api/v1/notifications");
        Assert.Equal([newer, older], list["items"]!.AsArray().Select(n => (int)n!["id"]!));
        Assert.Equal((2, 2, 1), ((int)list["total"]!, (int)list["unread"]!, (int)list["page"]!));
        var first = list["items"]![0]!;
        Assert.Equal(("receipt", "Herinnering indienen", "Herinnering indienen (en)", "pending", (string?)null), ((string?)first["kind"], (string?)first["subject"], (string?)first["subjectEn"], (string?)first["mail"], (string?)first["readAt"]));
        Assert.Equal(2, (await client.GetJsonAsync("/api/v1/notifications?page=2&pageSize=1"))["pages"]!.GetValue<int>());

        // Another person's notification: "not found", as one that does not exist; it stays unread.
        using (var refused = await client.PostAsync(new Uri($"/api/v1/notifications/{theirs}/read", UriKind.Relative), null))
        {
            var problem = await refused.ReadProblemAsync(404, "not-found", "mark another's read");
            Assert.DoesNotContain("ondertekenaar", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, await UnreadAsync(app, signatory));

        using (var marked = await client.PostAsync(new Uri($"/api/v1/notifications/{older}/read", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        }

        using (var again = await client.PostAsync(new Uri($"/api/v1/notifications/{older}/read", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        var after = await client.GetJsonAsync("/api/v1/notifications");
        Assert.Equal(1, (int)after["unread"]!);
        Assert.NotNull((string?)after["items"]![1]!["readAt"]);

        using var bad = await client.GetAsync(new Uri("/api/v1/notifications?pageSize=500", UriKind.Relative));
        await bad.ReadProblemAsync(400, "validation", "page size 500");
        using var anonymous = who.Client(app, Who.Anonymous);
        using var noOne = await anonymous.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, noOne.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_ShowsMine_UnreadMarked_AndItsFormsMarkThemRead_WithoutJavaScript(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        var regisseur = who.UserId(Who.Regisseur);
        var first = await NotifyAsync(app, regisseur, Principals.Email(Who.Regisseur), "a", "Ontvangstbewijs RK-2023-0001", $"/Applications/{who.OwnApplication}/Versions/1");
        await NotifyAsync(app, regisseur, Principals.Email(Who.Regisseur), "b", "Herinnering indienen");
        var theirs = await NotifyAsync(app, who.UserId(Who.Signatory), Principals.Email(Who.Signatory), "c", "Voor de ondertekenaar");
        using var client = who.Client(app, Who.Regisseur);

        var page = await client.GetPageAsync("/Notifications");
        Assert.Equal("/Notifications", page.One("header .account a[href='/Notifications']").GetAttribute("href"));
        Assert.Contains("2 ongelezen meldingen", page.One("#unread-count").Text(), StringComparison.Ordinal);
        var items = page.QuerySelectorAll("ul.notifications > li").ToList();
        Assert.Equal(["Herinnering indienen", "Ontvangstbewijs RK-2023-0001"], items.Select(li => li.QuerySelector("h2 a")!.TextContent.Trim()));
        Assert.All(items, li => Assert.Contains("unread", li.ClassList));
        Assert.Equal($"/Applications/{who.OwnApplication}/Versions/1", items[1].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.DoesNotContain("ondertekenaar", page.Body!.TextContent, StringComparison.Ordinal);

        // Mark one read: a plain form post, then back to the list.
        var form = (IHtmlFormElement)items[1].QuerySelector("form")!;
        using (var posted = await SignInFlow.PostAsync(client, "/Notifications", form, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal("/Notifications?p=1&done=read", SignInFlow.Target(posted));
        }

        page = await client.GetPageAsync("/Notifications?p=1&done=read");
        Assert.Contains("gemarkeerd als gelezen", page.One("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Contains("read", page.One($"#n-{first}").ClassList);
        Assert.Null(page.One($"#n-{first}").QuerySelector("form"));

        // The same form with another person's notification in it: 404 on the page, and theirs stays unread.
        var other = (IHtmlFormElement)page.QuerySelectorAll("ul.notifications > li form")[0];
        using (var tampered = await SignInFlow.PostAsync(client, "/Notifications", other, new Dictionary<string, string>(), fields =>
            fields.Select(f => f.Key == "id" ? new KeyValuePair<string, string>("id", theirs.ToString(System.Globalization.CultureInfo.InvariantCulture)) : f)))
        {
            var refused = await tampered.ReadPageAsync(404, "mark another's read on the page");
            Assert.Contains("bestaat niet", refused.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(1, await UnreadAsync(app, who.UserId(Who.Signatory)));

        // Mark all read.
        var all = (IHtmlFormElement)page.QuerySelectorAll("main form").First(f => f.TextContent.Contains("Alles als gelezen", StringComparison.Ordinal));
        using (var posted = await SignInFlow.PostAsync(client, "/Notifications", all, new Dictionary<string, string>()))
        {
            Assert.Equal("/Notifications?p=1&done=all", SignInFlow.Target(posted));
        }

        Assert.Equal(0, await UnreadAsync(app, regisseur));
        page = await client.GetPageAsync("/Notifications");
        Assert.Empty(page.QuerySelectorAll("ul.notifications form"));
        Assert.Contains("0 ongelezen meldingen", page.One("#unread-count").Text(), StringComparison.Ordinal);

        // Someone with none; and in English.
        using var viewer = who.Client(app, Who.MemberViewer);
        Assert.Contains("You have no notifications yet.", (await viewer.GetPageAsync("/Notifications?culture=en")).One("#none").Text(), StringComparison.Ordinal);
    }

    /// <summary>The app itself with its scheduler on (Jobs:Enabled): the hosted scheduler starts on the migrated database, clustered on PostgreSQL.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheApp_RunsItsScheduler_OnItsOwnDatabase(DatabaseProvider provider)
    {
        var pickup = Directory.CreateTempSubdirectory("regiekamer-mail-").FullName;
        try
        {
            await using var app = await TestApp.StartAsync(provider, demo: false, settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "true", ["Mail:PickupFolder"] = pickup });
            var scheduler = await app.Services.GetRequiredKeyedService<Quartz.ISchedulerFactory>(Core.Notifications.Jobs.SchedulerSetup.SchedulerName).GetScheduler();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (scheduler.Status != Quartz.SchedulerStatus.Running)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The scheduler did not start: {scheduler.Status}.");
                await Task.Delay(100);
            }

            var meta = await scheduler.GetMetadata();
            Assert.True(meta.JobStorePersistent);
            Assert.Equal(provider == DatabaseProvider.PostgreSql, meta.JobStoreClustered);
            Assert.True(await scheduler.Exists(Core.Notifications.Jobs.ReminderJob.Key));
            Assert.IsType<FakeTimeProvider>(app.Services.GetRequiredService<TimeProvider>());
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }
}
