using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.Core.Reports;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>Who makes a request in the security tests: anonymous, or a real user of one role with a real API token.</summary>
public enum Who
{
    Anonymous,
    Administrator,
    CaseHandler,
    PolicyOfficer,
    Regisseur,
    Signatory,
    MemberViewer,
}

/// <summary>
/// Real users (one per role) created through <see cref="AccountService"/>, each with an API token from
/// <see cref="ApiTokenService"/>; the partnership roles hold for <see cref="Own"/> (Scheldeland), never for
/// <see cref="Other"/>. Requests go through the app's own authentication (TestApp with realSignIn).
/// </summary>
public sealed class Principals
{
    private readonly Dictionary<Who, string> _tokens = [];
    private readonly Dictionary<Who, Guid> _users = [];

    private Principals(int own, int other, int callId, int ownApplication, int otherApplication, int ownReport, int otherReport)
    {
        Own = own;
        Other = other;
        CallId = callId;
        OwnApplication = ownApplication;
        OtherApplication = otherApplication;
        OwnReport = ownReport;
        OtherReport = otherReport;
    }

    /// <summary>Every test user's password.</summary>
    public const string Password = Regiekamer.TestCommon.UserBuilder.DefaultPassword;

    public static IReadOnlyList<Who> Everyone { get; } = Enum.GetValues<Who>();

    public static string Email(Who who) => $"{who.ToString().ToLowerInvariant()}@security.test";

    /// <summary>The partnership the partnership roles belong to.</summary>
    public int Own { get; }

    /// <summary>Another partnership, none of theirs.</summary>
    public int Other { get; }

    public int CallId { get; }

    /// <summary>
    /// <see cref="Own"/>'s application dossier, withdrawn: whoever the gate lets through, every write to it is refused
    /// by its status (409), so the access walk changes nothing.
    /// </summary>
    public int OwnApplication { get; }

    /// <summary><see cref="Other"/>'s dossier, withdrawn too.</summary>
    public int OtherApplication { get; }

    /// <summary><see cref="Own"/>'s annual report of 2023, empty: the access walk's writes name an action it does not have or fail validation.</summary>
    public int OwnReport { get; }

    /// <summary><see cref="Other"/>'s annual report of 2023.</summary>
    public int OtherReport { get; }

    public static bool IsPartnershipRole(Who who) => who is Who.Regisseur or Who.Signatory or Who.MemberViewer;

    public static async Task<Principals> CreateAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var own = await db.Partnerships.Where(p => p.Name == DemoAccounts.ScheldelandName).Select(p => p.Id).SingleAsync();
        var other = await db.Partnerships.Where(p => p.Id != own).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var callId = await db.Calls.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();
        var dossiers = new List<int>();
        foreach (var partnership in new[] { own, other })
        {
            // In Development the demo already gave Scheldeland a dossier.
            var id = await applications.FindAsync(partnership, callId);
            if (id is null)
            {
                var started = await applications.StartAsync(partnership, callId);
                Assert.True(started.IsSuccess, string.Join("; ", started.Errors.Select(e => e.Message.En)));
                id = started.Value!.Id;
            }

            Assert.True((await submissions.WithdrawAsync(id.Value)).IsSuccess);
            dossiers.Add(id.Value);
        }

        // Reports are made for approved dossiers; here they are put in directly, empty, for the gate to judge.
        var reports = dossiers.Select((dossier, i) => Core.Reports.AnnualReport.Start(callId, i == 0 ? own : other, dossier, 2023, bbcRoute: false, [], DateTime.UtcNow)).ToList();
        db.AddRange(reports);
        await db.SaveChangesAsync();
        var principals = new Principals(own, other, callId, dossiers[0], dossiers[1], reports[0].Id, reports[1].Id);

        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        foreach (var who in Everyone.Where(w => w != Who.Anonymous))
        {
            var role = Enum.Parse<Role>(who.ToString());
            var user = await app.Services.CreateUserAsync(u =>
            {
                u.Email(Email(who)).Named($"Test {who}");
                _ = IsPartnershipRole(who) ? u.For(role, own) : u.Department(role);
            });
            var token = await tokens.CreateAsync(user.Id, "security tests");
            Assert.True(token.IsSuccess, string.Join("; ", token.Errors.Select(e => e.Message.En)));
            principals._tokens[who] = token.Value!.Secret;
            principals._users[who] = user.Id;
        }

        return principals;
    }

    public Guid UserId(Who who) => _users[who];

    /// <summary>
    /// What a request let through wrongly could have changed: the audit trail (every change writes one record), the
    /// partnerships (version and contact), allocation runs, call versions and datasets, dossiers and annual reports.
    /// </summary>
    public static async Task<string> StateAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
        var partnerships = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id + ":" + p.Version + ":" + p.RegisseurName).ToListAsync();
        var dossiers = await db.Applications.IgnoreAutoIncludes().OrderBy(a => a.Id).Select(a => a.Id + ":" + a.Version + ":" + a.Status + ":" + a.InformationVersion).ToListAsync();
        var reports = await db.AnnualReports.IgnoreAutoIncludes().OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Version + ":" + r.Status).ToListAsync();
        return $"audit {await db.AuditRecords.CountAsync()}; runs {await db.AllocationRuns.CountAsync()}; call versions {await db.CallVersions.CountAsync()}; "
            + $"datasets {await db.Datasets.CountAsync()}; partnerships {string.Join(",", partnerships)}; dossiers {string.Join(",", dossiers)}; "
            + $"actions {await db.PlannedActions.CountAsync()}; attachments {await db.ApplicationAttachments.CountAsync()}; versions {await db.ApplicationVersions.CountAsync()}; "
            + $"decisions {await db.ApplicationDecisions.CountAsync()}; checks {await db.ReviewChecks.CountAsync()}; "
            + $"reports {string.Join(",", reports)}; reported actions {await db.ReportedActions.CountAsync()}";
    }

    /// <summary>A client (no redirects followed) that sends the role's API token; no token for anonymous.</summary>
    public HttpClient Client(TestApp app, Who who)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Client(role: null);
        if (who != Who.Anonymous)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[who]);
        }

        return client;
    }
}
