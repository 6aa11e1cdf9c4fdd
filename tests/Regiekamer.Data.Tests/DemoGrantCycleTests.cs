using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Grants.OpenData;
using Regiekamer.Core.Reports;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

/// <summary>Issue 9, point 8: the demo carries demo partnerships through the whole grant cycle, consistently, once.</summary>
public sealed class DemoGrantCycleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDemoGrantCycle_PublishesEachYearsDecree_Reconciles_CoversEveryReportState_AndAddsNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.Accounts.CreateAsync(provider, demo: true);
        var database = accounts.Database;
        await accounts.AsAsync(Actor.System, s => DemoAccounts.SeedAsync(
            s.GetRequiredService<AccountService>(),
            s.GetRequiredService<UserManager<RegiekamerUser>>(),
            s.GetRequiredService<IUserStore<RegiekamerUser>>(),
            s.GetRequiredService<RegiekamerDb>()));

        DemoGrantCycleSummary? summary;
        await using (var db = database.NewDb())
        {
            summary = await new DatabaseSeeder(db, database.Time).SeedDemoGrantCycleAsync(database.Options);
        }

        Assert.NotNull(summary);
        await using (var db = database.NewDb())
        {
            var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().SingleAsync();

            // Approved dossiers of demo partnerships only; Scheldeland's stays the draft to walk through (it has none yet here).
            var approved = await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Approved).Select(a => a.PartnershipId).ToListAsync();
            Assert.Equal(summary.Partnerships, approved.Count);
            Assert.True(approved.Count >= 5);
            var demo = await db.Partnerships.AsNoTracking().Where(p => approved.Contains(p.Id)).ToListAsync();
            Assert.All(demo, p => Assert.True(p.IsDemo, p.Name));
            Assert.DoesNotContain(demo, p => p.Name == DemoAccounts.ScheldelandName);

            // A signed and published decree for each year of the call, numbered as demo.
            var decrees = await db.Decrees.AsNoTracking().OrderBy(d => d.Year).ToListAsync();
            Assert.Equal([2023, 2024, 2025], decrees.Select(d => d.Year));
            Assert.All(decrees, d =>
            {
                Assert.Equal(DecreeStatus.Published, d.Status);
                Assert.StartsWith(DemoGrantCycle.DecreePrefix, d.Number, StringComparison.Ordinal);
            });

            // Payments through four eyes; the refused partnership's 2025 payment stopped, one awaiting approval.
            var payments = await db.Payments.AsNoTracking().ToListAsync();
            Assert.Equal(summary.PaymentsPaid, payments.Count(p => p.Status == PaymentStatus.Paid));
            Assert.Equal(3 * approved.Count, payments.Count);
            Assert.Single(payments, p => p.Status == PaymentStatus.Proposed);
            Assert.All(payments.Where(p => p.Status == PaymentStatus.Paid), p => Assert.NotEqual(p.ProposedByUserId, p.ApprovedByUserId));

            // Reports: accepted, one answered after a request for clarification and accepted, one refused, one awaiting evaluation.
            var reports = await db.AnnualReports.AsNoTracking().ToListAsync();
            Assert.Equal(summary.Reports, reports.Count);
            Assert.Equal(approved.Count, reports.Count(r => r.Year == 2023));
            var refused = Assert.Single(reports, r => r.Status == ReportStatus.NotUsedForPurpose);
            Assert.Equal(2023, refused.Year);
            Assert.StartsWith("Demo:", refused.EvaluationMotivation, StringComparison.Ordinal);
            var clarified = Assert.Single(reports, r => r.SubmittedVersions == 2);
            Assert.Equal(ReportStatus.Accepted, clarified.Status);
            Assert.Equal(2024, Assert.Single(reports, r => r.Status == ReportStatus.Submitted).Year);
            Assert.True(reports.Count(r => r.Status == ReportStatus.Accepted) >= 2 * (approved.Count - 2));
            Assert.DoesNotContain(reports, r => r.Year == 2024 && r.PartnershipId == refused.PartnershipId);

            // The refusal stopped the payments and decided a reclaim of everything paid: claimed, and partly paid back.
            Assert.Equal(refused.PartnershipId, (await db.PaymentStops.AsNoTracking().SingleAsync()).PartnershipId);
            var reclaim = await db.Reclaims.AsNoTracking().Include(r => r.Years).Include(r => r.Repayments).SingleAsync();
            Assert.Equal((summary.ReclaimId, refused.PartnershipId), (reclaim.Id, reclaim.PartnershipId));
            var paidToRefused = payments.Where(p => p.PartnershipId == refused.PartnershipId && p.Status == PaymentStatus.Paid).Sum(p => p.Amount.Cents);
            Assert.Equal(paidToRefused, reclaim.Amount.Cents);
            Assert.True(reclaim.PaidBack.Cents > 0 && reclaim.Open.Cents > 0, $"paid back {reclaim.PaidBack}, open {reclaim.Open}");
            Assert.Equal(PaymentStatus.Planned, Assert.Single(payments, p => p.PartnershipId == refused.PartnershipId && p.Year == 2025).Status);

            Assert.True((await AuditTrail.VerifyAsync(db)).Intact);

            await using var scope = database.NewScope();
            var ledger = (await scope.ServiceProvider.GetRequiredService<LedgerService>().ForCallAsync(call.Id)).Value!.Ledger;
            Assert.True(ledger.Reconciles, string.Join("\n", ledger.Problems.Select(p => p.Message.En)));

            // The public 360Giving package: one grant per line of the decrees in force, valid against the standard's schema.
            var openData = scope.ServiceProvider.GetRequiredService<OpenDataService>();
            var current = await openData.CurrentDecreesAsync();
            Assert.Equal(3, current.Count);
            using var package = new MemoryStream();
            await ThreeSixtyGiving.WriteAsync(package, openData.GrantsAsync(current), new OpenDataSettings().Publisher);
            package.Position = 0;
            Assert.Empty(ThreeSixtyGiving.Validate(package));
            package.Position = 0;
            using var json = await System.Text.Json.JsonDocument.ParseAsync(package);
            Assert.Equal(3 * approved.Count, json.RootElement.GetProperty("grants").GetArrayLength());
        }

        // Seeding again adds nothing and does not fail.
        var before = await CountsAsync(database);
        await using (var db = database.NewDb())
        {
            Assert.Null(await new DatabaseSeeder(db, database.Time).SeedDemoGrantCycleAsync(database.Options));
        }

        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithoutTheDemoAccounts_TheCycleAddsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        await using var db = database.NewDb();
        Assert.Null(await new DatabaseSeeder(db, database.Time).SeedDemoGrantCycleAsync(database.Options));
        Assert.False(await db.Applications.AnyAsync());
        Assert.False(await db.Decrees.AnyAsync());
    }

    private static async Task<(int, int, int, int, int, int, int)> CountsAsync(TestDatabase database)
    {
        await using var db = database.NewDb();
        return (
            await db.Applications.CountAsync(),
            await db.AllocationRuns.CountAsync(),
            await db.Decrees.CountAsync(),
            await db.Payments.CountAsync(),
            await db.AnnualReports.CountAsync(),
            await db.Reclaims.CountAsync(),
            await db.AuditRecords.CountAsync());
    }
}
