using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Reports;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Reports;

/// <summary>
/// R15 on both databases: a year's report takes the actions of the annual accounts from a file (CSV or XLSX in BBC's
/// action layout), all or nothing, with the report's version, and then asks a reason for every planned action the file
/// does not have before it can be submitted.
/// </summary>
public sealed class ReportImportServiceTests
{
    private const string Header = "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023";

    private static MemoryStream Csv(params string[] rows) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"));

    /// <summary>Gent's report of <paramref name="year"/>, started from its approved plan (one action per priority, BBC route).</summary>
    private static async Task<int> StartReportAsync(TestDatabase database, int year)
    {
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var run = await database.Services.CreateApprovedRunAsync(gent);
        int callId;
        await using (var db = database.NewDb())
        {
            callId = (await db.CallVersions.FirstAsync(v => v.Id == run.CallVersionId)).CallId;
        }

        await using var scope = database.NewScope();
        var started = await scope.ServiceProvider.GetRequiredService<ReportService>().StartAsync(gent.Id, callId, year);
        Assert.True(started.IsSuccess, ApplicationBuilders.Describe(started.Errors));
        return started.Value!.Id;
    }

    /// <summary>What an import may change: the report's version and status, every action, and the report's audit records.</summary>
    private static async Task<string> StateAsync(TestDatabase database, int reportId)
    {
        await using var db = database.NewDb();
        var report = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
        var actions = report.Actions.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Position}:{a.Version}:{a.Outcome}:{a.ShortDescription}:{a.Cost?.Cents}:{a.NotCarriedOutReason}");
        var audits = await db.AuditRecords.CountAsync(r => r.EntityType == ReportService.AuditEntity);
        return $"v{report.Version} {report.Status} audit {audits} | {string.Join(" | ", actions)}";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACsvOfTheAnnualAccounts_UpdatesMatchedActions_AddsUnplannedOnes_MarksTheRestNotCarriedOut_AndSubmittingThenAsksWhy(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var reportId = await StartReportAsync(database, 2023);
        await using var scope = database.NewScope();
        var imports = scope.ServiceProvider.GetRequiredService<ReportImportService>();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var before = (await reports.GetAsync(reportId))!;
        var planned = before.Actions.OrderBy(a => a.Position).ToList();

        // Actions 1 and 2 as planned (case and spaces differ), two unplanned ones for WSE-LR3 and WSE-LR4; actions 3 and 4 are missing.
        using var file = Csv(
            "concrete actie 1  voor WSE-LR1;<p>Gedaan: de regisseur trok het overleg.</p>;14 partners aan tafel;wse-lr1;1.250,00",
            "Concrete actie 2 voor WSE-LR2;<p>Gedaan.</p>;8 trajecten;WSE-LR2;2.000,50",
            "Ontbijtsessie sociale economie;<p>Niet gepland, wel gedaan.</p>;40 bedrijven;WSE-LR3;300,00",
            "Netwerkmoment met VDAB;<p>Niet gepland.</p>;30 deelnemers;WSE-LR4;0");
        var imported = await imports.ImportAsync(reportId, file, "jaarrekening-2023.csv", before.Version);

        Assert.True(imported.IsSuccess, ApplicationBuilders.Describe(imported.Errors));
        var report = (await reports.GetAsync(reportId))!;
        Assert.Equal(before.Version + 1, report.Version);
        var actions = report.Actions.OrderBy(a => a.Position).ToList();
        Assert.Equal(6, actions.Count);
        Assert.Equal(planned.Select(a => a.Id), actions.Take(4).Select(a => a.Id)); // the planned actions keep their ids
        Assert.Equal(
            [(ReportOutcome.CarriedOut, 1_250_00L), (ReportOutcome.CarriedOut, 2_000_50L), (ReportOutcome.NotCarriedOut, -1L), (ReportOutcome.NotCarriedOut, -1L), (ReportOutcome.Unplanned, 300_00L), (ReportOutcome.Unplanned, 0L)],
            actions.Select(a => (a.Outcome, a.Cost?.Cents ?? -1)));
        Assert.Equal(("concrete actie 1  voor WSE-LR1", "14 partners aan tafel", "WSE-LR1"), (actions[0].ShortDescription, actions[0].Comment, actions[0].Code));
        Assert.Equal(planned[0].PlannedAmount, actions[0].PlannedAmount);
        Assert.Equal([5, 6], actions.Where(a => a.PlannedActionId is null).Select(a => a.Position));

        await using (var db = database.NewDb())
        {
            var record = await db.AuditRecords.SingleAsync(r => r.EntityType == ReportService.AuditEntity && r.EntityId == reportId.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Action == ReportImportAuditActions.Imported);
            Assert.Contains("\"FileName\":\"jaarrekening-2023.csv\"", record.After, StringComparison.Ordinal);
            Assert.Contains("\"Updated\":2,\"Unplanned\":2,\"NotCarriedOut\":2", record.After, StringComparison.Ordinal);
        }

        // Submitting: R15 asks why actions 3 and 4 were not carried out (R10 is met by the unplanned actions).
        var refused = await reports.SubmitAsync(reportId, report.Version);
        Assert.Equal([(Rules.R15, "reason"), (Rules.R15, "reason")], refused.Errors.Select(e => (e.Code, e.Field)));
        foreach (var missing in actions.Where(a => a.Outcome == ReportOutcome.NotCarriedOut))
        {
            var why = await reports.UpdateActionAsync(reportId, missing.Id, new ReportedActionInput(missing.ShortDescription, missing.LongDescription, null, missing.Code, "not-carried-out", "De partner haakte af.", null), missing.Version);
            Assert.True(why.IsSuccess, ApplicationBuilders.Describe(why.Errors));
        }

        var submitted = await reports.SubmitAsync(reportId, (await reports.GetAsync(reportId))!.Version);
        Assert.True(submitted.IsSuccess, ApplicationBuilders.Describe(submitted.Errors));

        // A submitted report takes no import: 409, nothing changes.
        var state = await StateAsync(database, reportId);
        using var again = Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1");
        Assert.Equal("status", Assert.Single((await imports.ImportAsync(reportId, again, "jaarrekening.csv", submitted.Value!.Version)).Errors).Code);
        Assert.Equal(state, await StateAsync(database, reportId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWorkbookOfTheAnnualAccounts_IsImported_AndImportingAgainReplacesTheUnplannedActions_WithTheVersionRead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var reportId = await StartReportAsync(database, 2024);
        await using var scope = database.NewScope();
        var imports = scope.ServiceProvider.GetRequiredService<ReportImportService>();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var report = (await reports.GetAsync(reportId))!;
        var year = new PlanPeriod(2024, 2024);

        static MemoryStream Workbook(PlanPeriod year, params PlanAction[] rows)
        {
            var stream = new MemoryStream();
            PlanFile.WriteXlsx(stream, rows, year);
            stream.Position = 0;
            return stream;
        }

        static PlanAction Row(string title, string code, long cents) =>
            new(null, "Beleidsdoelstelling werk", "Actieplan regie", title, "<p>Wat en hoe.</p>", "Bereikt.", code, new Dictionary<int, Money> { [2024] = new(cents) });

        using (var first = Workbook(year, Row("Concrete actie 1 voor WSE-LR1", "WSE-LR1", 1_000_00), Row("Concrete actie 2 voor WSE-LR2", "WSE-LR2", 2_000_00), Row("Concrete actie 3 voor WSE-LR3", "WSE-LR3", 3_000_00), Row("Concrete actie 4 voor WSE-LR4", "WSE-LR4", 4_000_00), Row("Extra netwerkmoment", "WSE-LR4", 500_00)))
        {
            var imported = await imports.ImportAsync(reportId, first, "jaarrekening-2024.xlsx", report.Version);
            Assert.True(imported.IsSuccess, ApplicationBuilders.Describe(imported.Errors));
        }

        var once = (await reports.GetAsync(reportId))!;
        Assert.Equal(5, once.Actions.Count);
        Assert.Equal(4, once.Actions.Count(a => a.Outcome == ReportOutcome.CarriedOut));
        Assert.Equal(Money.FromEuros(10_500), ReportRules.TotalCost(once.Actions));
        Assert.DoesNotContain(ReportRules.Check(once.Year, once.BbcRoute, once.Actions), f => f.Severity == FindingSeverity.Violation);

        // The version read before the first import is stale now: 409, and nothing changes.
        var state = await StateAsync(database, reportId);
        using (var stale = Workbook(year, Row("Concrete actie 1 voor WSE-LR1", "WSE-LR1", 1)))
        {
            Assert.Equal("concurrency", Assert.Single((await imports.ImportAsync(reportId, stale, "jaarrekening-2024.xlsx", report.Version)).Errors).Code);
        }

        Assert.Equal(state, await StateAsync(database, reportId));

        // Again with the version now: the earlier unplanned action goes, the file's new one comes.
        using (var second = Workbook(year, Row("Concrete actie 1 voor WSE-LR1", "WSE-LR1", 1_100_00), Row("Concrete actie 2 voor WSE-LR2", "WSE-LR2", 2_000_00), Row("Concrete actie 3 voor WSE-LR3", "WSE-LR3", 3_000_00), Row("Concrete actie 4 voor WSE-LR4", "WSE-LR4", 4_000_00), Row("Jobbeurs", "WSE-LR2", 250_00)))
        {
            var imported = await imports.ImportAsync(reportId, second, "jaarrekening-2024-v2.xlsx", once.Version);
            Assert.True(imported.IsSuccess, ApplicationBuilders.Describe(imported.Errors));
        }

        var twice = (await reports.GetAsync(reportId))!;
        Assert.Equal(["Jobbeurs"], twice.Actions.Where(a => a.Outcome == ReportOutcome.Unplanned).Select(a => a.ShortDescription));
        Assert.Equal(5, twice.Actions.Count);
        await using var db = database.NewDb();
        Assert.Equal(5, await db.ReportedActions.CountAsync(a => a.AnnualReportId == reportId));
        Assert.Equal(2, await db.AuditRecords.CountAsync(r => r.Action == ReportImportAuditActions.Imported));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFileWithBadRows_IsRefused_NamingRowColumnAndRule_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var reportId = await StartReportAsync(database, 2023);
        await using var scope = database.NewScope();
        var imports = scope.ServiceProvider.GetRequiredService<ReportImportService>();
        var version = (await scope.ServiceProvider.GetRequiredService<ReportService>().GetAsync(reportId))!.Version;
        var state = await StateAsync(database, reportId);

        // The multi-year plan's file itself: amounts for 2024 and 2025 in a report of 2023.
        using (var plan = new MemoryStream(Encoding.UTF8.GetBytes(
            "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025\n"
            + "Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1.000,00;1.000,00;\n"
            + "Concrete actie 2 voor WSE-LR2;<p>Wat.</p>;;WSE-LR2;1.000,00;;1.000,00\n")))
        {
            var refused = await imports.ImportAsync(reportId, plan, "meerjarenplan.csv", version);
            Assert.Equal([(Rules.R15, "row 2, Bedrag 2024"), (Rules.R15, "row 3, Bedrag 2025")], refused.Errors.Select(e => (e.Code, e.Field)));
        }

        using (var bad = Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1.000,00", "Concrete actie 2 voor WSE-LR2;<p>Wat.</p>;;LSEVBP01;1.000,00", "Concrete actie 3 voor WSE-LR3;<p>Wat.</p>;;WSE-LR3;-5"))
        {
            var refused = await imports.ImportAsync(reportId, bad, "jaarrekening.csv", version);
            Assert.Equal([(Rules.R12, "row 3, Code"), (Rules.R11, "row 4, Bedrag 2023")], refused.Errors.Select(e => (e.Code, e.Field)));
            Assert.All(refused.Errors, e => Assert.Equal(ErrorKind.RuleBroken, e.Kind));
        }

        using (var notAPlan = new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]))
        {
            var refused = Assert.Single((await imports.ImportAsync(reportId, notAPlan, "jaarrekening.xls", version)).Errors);
            Assert.Equal(("unreadable-file", ErrorKind.Invalid), (refused.Code, refused.Kind));
            Assert.StartsWith("jaarrekening.xls: ", refused.Message.Nl, StringComparison.Ordinal);
        }

        using (var good = Csv("Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1.000,00"))
        {
            Assert.Equal("concurrency", Assert.Single((await imports.ImportAsync(reportId, good, "jaarrekening.csv", version - 1)).Errors).Code);
            Assert.Equal("not-found", Assert.Single((await imports.ImportAsync(reportId + 1000, good, "jaarrekening.csv", version)).Errors).Code);
        }

        Assert.Equal(state, await StateAsync(database, reportId));
    }
}
