using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

/// <summary>Issue 8: the dossier from draft to decision, on SQLite and PostgreSQL, through the real services.</summary>
public sealed class ApplicationServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_GivesADraftWithADossierNumber_OnePerPartnershipPerCall(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await database.Services.CreatePartnershipAsync(p => p.Regisseur("Lies Maes", "lies.maes@durmeland.be"));
        var first = await database.Services.CreateApplicationAsync(a => a.For(partnership.Id));
        var second = await database.Services.CreateApplicationAsync();

        Assert.Equal(ApplicationStatus.Draft, first.Status);
        Assert.Equal("RK-2023-0001", first.DossierNumber);
        Assert.Equal("RK-2023-0002", second.DossierNumber);
        Assert.Equal("Lies Maes", first.RegisseurName);

        await using var scope = database.NewScope();
        var again = await scope.ServiceProvider.GetRequiredService<ApplicationService>().StartAsync(partnership.Id, first.CallId);
        Assert.Equal("application-exists", Assert.Single(again.Errors).Code);
        Assert.Equal(ErrorKind.Conflict, again.Errors[0].Kind);

        await using var db = database.NewDb();
        Assert.Equal(2, await db.Applications.CountAsync());
        var started = await db.AuditRecords.Where(a => a.EntityType == ApplicationService.AuditEntity && a.EntityId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.Created, ApplicationAuditActions.InformationUpdated], started);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Information_WithAWrongKboOrIban_IsRefused_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        await using var scope = database.NewScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();

        var wrong = await applications.UpdateInformationAsync(draft.Id, ApplicationBuilder.Information() with { BeneficiaryKbo = "0316.381.038", Iban = "BE68 5390 0754 7035" }, draft.InformationVersion);

        Assert.Equal(["beneficiaryKbo", "iban"], wrong.Errors.Select(e => e.Field));
        Assert.All(wrong.Errors, e => Assert.Equal(Rules.R7, e.Code));
        await using (var db = database.NewDb())
        {
            var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == draft.Id);
            Assert.Null(stored.BeneficiaryKbo);
            Assert.Equal(draft.InformationVersion, stored.InformationVersion);
        }

        var right = await applications.UpdateInformationAsync(draft.Id, ApplicationBuilder.Information() with { BeneficiaryKbo = "0316.381.039", Iban = "be68 5390 0754 7034" }, draft.InformationVersion);
        Assert.True(right.IsSuccess);
        Assert.Equal("0316381039", right.Value!.BeneficiaryKbo);
        Assert.Equal("BE68539007547034", right.Value.Iban);

        var stale = await applications.UpdateInformationAsync(draft.Id, ApplicationBuilder.Information(), draft.InformationVersion);
        Assert.Equal("concurrency", Assert.Single(stale.Errors).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Information_TwoPeoplesEdits_MergeFieldByField_AndTheSameFieldIsAConflictThatWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        await using var scope = database.NewScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var read = ApplicationBuilder.Information();
        var version = draft.InformationVersion;

        var first = await applications.SaveInformationAsync(draft.Id, read with { WijkWerken = true }, version, read);
        Assert.True(first.IsSuccess);
        Assert.False(first.Merged);

        // The second person read the same version and changed another field: both land.
        var second = await applications.SaveInformationAsync(draft.Id, read with { Regisseur = read.Regisseur! with { Phone = "09 765 43 21" } }, version, read);
        Assert.True(second.IsSuccess);
        Assert.True(second.Merged);
        Assert.Equal(version + 2, second.Saved!.InformationVersion);

        // A third, from the same old version, changes the phone differently: a conflict with both values; nothing is written.
        var third = await applications.SaveInformationAsync(draft.Id, read with { Regisseur = read.Regisseur! with { Phone = "02 111 22 33" }, BbcUser = false }, version, read);
        Assert.False(third.IsSuccess);
        Assert.Equal("concurrency", Assert.Single(third.Errors).Code);
        Assert.Equal(["regisseurPhone"], third.Conflict!.Fields);
        Assert.Equal("09 765 43 21", third.Conflict.Theirs.Regisseur.Phone);
        Assert.Equal("02 111 22 33", third.Conflict.Proposed.Regisseur.Phone);
        Assert.Equal(false, third.Conflict.Proposed.BbcUser);
        Assert.Equal(true, third.Conflict.Proposed.WijkWerken);

        await using var db = database.NewDb();
        var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == draft.Id);
        Assert.Equal(version + 2, stored.InformationVersion);
        Assert.Equal(true, stored.WijkWerken);
        Assert.Equal(true, stored.BbcUser);
        Assert.Equal("09 765 43 21", stored.RegisseurPhone);
        var updates = await db.AuditRecords.Where(a => a.EntityType == ApplicationService.AuditEntity && a.EntityId == draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == ApplicationAuditActions.InformationUpdated).CountAsync();
        Assert.Equal(2, updates); // the two saves; the conflict wrote nothing
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Actions_AreCheckedAsTheyAreSaved_R11AndR12Refuse_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        await using var scope = database.NewScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();

        var lapsed = await applications.AddActionAsync(draft.Id, new ActionInput(null, null, "Oude actie", null, null, "LSEVBP01", new Dictionary<int, string?> { [2023] = "1.500" }));
        var r12 = Assert.Single(lapsed.Errors);
        Assert.Equal(Rules.R12, r12.Code);
        Assert.Contains("WSE-LR", r12.Message.Nl, StringComparison.Ordinal);

        var tooLong = await applications.AddActionAsync(draft.Id, new ActionInput(null, null, new string('x', 4001), null, null, "WSE-LR1", new Dictionary<int, string?> { [2023] = "-5" }));
        Assert.Equal([Rules.R11, Rules.R11], tooLong.Errors.Select(e => e.Code));
        Assert.Contains(tooLong.Errors, e => e.Field == "shortDescription");
        Assert.Contains(tooLong.Errors, e => e.Field == "amounts.2023");

        var fine = await applications.AddActionAsync(draft.Id, new ActionInput("Doel", "Plan", "Meet & greet", "<p>Jaarlijks</p>", null, "wse-lr1", new Dictionary<int, string?> { [2023] = "2.500,00", [2024] = "2500.00", [2025] = "" }));
        Assert.True(fine.IsSuccess, string.Join("; ", fine.Errors.Select(e => e.Message.En)));
        Assert.Equal("WSE-LR1", fine.Saved!.Code);
        await using (var check = database.NewDb())
        {
            var added = await check.AuditRecords.AsNoTracking().SingleAsync(a => a.Action == ApplicationAuditActions.ActionAdded);
            Assert.Contains("greet", added.After, StringComparison.Ordinal);
        }

        Assert.Equal([2023, 2024], fine.Saved.Amounts.Keys);
        Assert.Equal(new Money(250_000), fine.Saved.Amounts[2024]);

        await using var db = database.NewDb();
        Assert.Equal(1, await db.PlannedActions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoPeople_EditingDifferentFieldsOfOneAction_BothLand_AndTheSameFieldIsAConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        await using var scope = database.NewScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var read = new ActionInput(null, null, "Meet & greet", null, null, "WSE-LR1", new Dictionary<int, string?> { [2023] = "2.500,00" });
        var action = (await applications.AddActionAsync(draft.Id, read)).Saved!;

        var first = await applications.UpdateActionAsync(draft.Id, action.Id, read with { Comment = "40 deelnemers" }, action.Version, read);
        Assert.True(first.IsSuccess, string.Join("; ", first.Errors.Select(e => e.Message.En)));

        // The second person read the same version and changed another field: merged, nothing lost.
        var second = await applications.UpdateActionAsync(draft.Id, action.Id, read with { ShortDescription = "Jaarlijkse meet & greet" }, action.Version, read);
        Assert.True(second.IsSuccess);
        Assert.True(second.Merged);
        Assert.Equal("40 deelnemers", second.Saved!.Comment);
        Assert.Equal("Jaarlijkse meet & greet", second.Saved.ShortDescription);

        // A third changes the comment too, from the old version: a conflict, with the other's value.
        var third = await applications.UpdateActionAsync(draft.Id, action.Id, read with { Comment = "35 deelnemers" }, action.Version, read);
        Assert.False(third.IsSuccess);
        Assert.Equal(["comment"], third.Conflict!.Fields);
        Assert.Equal("40 deelnemers", third.Conflict.Theirs.Comment);

        // Without what was read (the API), a stale version is simply a conflict.
        var api = await applications.UpdateActionAsync(draft.Id, action.Id, read, action.Version);
        Assert.Equal("concurrency", Assert.Single(api.Errors).Code);

        await using var db = database.NewDb();
        var stored = await db.PlannedActions.AsNoTracking().SingleAsync();
        Assert.Equal("40 deelnemers", stored.Comment);
        Assert.Equal("Jaarlijkse meet & greet", stored.ShortDescription);
        Assert.Equal(action.Version + 2, stored.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwentyConcurrentSaves_OfOneAction_AreEachStoredOrRefused_AndTheStoredStateIsTheLastAccepted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        int actionId;
        int version;
        await using (var scope = database.NewScope())
        {
            var saved = (await scope.ServiceProvider.GetRequiredService<ApplicationService>().AddActionAsync(draft.Id, new ActionInput(null, null, "Start", null, null, "WSE-LR2", null))).Saved!;
            (actionId, version) = (saved.Id, saved.Version);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            await using var scope = database.NewScope();
            var result = await scope.ServiceProvider.GetRequiredService<ApplicationService>()
                .UpdateActionAsync(draft.Id, actionId, new ActionInput(null, null, $"Versie {i}", null, null, "WSE-LR2", null), version);
            return (i, result);
        }));

        Assert.All(outcomes, o => Assert.True(o.result.IsSuccess || o.result.Errors.Single().Kind == ErrorKind.Conflict, string.Join("; ", o.result.Errors.Select(e => e.Code))));
        var accepted = outcomes.Where(o => o.result.IsSuccess).ToList();
        Assert.Single(accepted);
        await using var db = database.NewDb();
        var stored = await db.PlannedActions.AsNoTracking().SingleAsync(a => a.Id == actionId);
        Assert.Equal($"Versie {accepted[0].i}", stored.ShortDescription);
        Assert.Equal(version + 1, stored.Version);
        Assert.Equal(1, await db.AuditRecords.CountAsync(a => a.Action == ApplicationAuditActions.ActionUpdated));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attachments_MustBePdfByContent_AndAreStoredWithTheirSha256(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        await using var scope = database.NewScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();

        using var html = new MemoryStream(Encoding.UTF8.GetBytes("<html>not a pdf</html>"));
        var refused = await applications.AddAttachmentAsync(draft.Id, AttachmentKind.Other, "brief.pdf", html);
        Assert.Equal("not-pdf", Assert.Single(refused.Errors).Code);

        using var pdf = new MemoryStream(ApplicationBuilder.Pdf());
        var stored = await applications.AddAttachmentAsync(draft.Id, AttachmentKind.Other, "../../etc/brief.pdf", pdf);
        Assert.True(stored.IsSuccess);
        Assert.Equal("brief.pdf", stored.Value!.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ApplicationBuilder.Pdf())), stored.Value.Sha256);

        await using var db = database.NewDb();
        Assert.Equal(1, await db.ApplicationAttachments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_ListsEveryBlockingProblem_ThenFreezesAVersionWithItsHash(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        await using var scope = database.NewScope();
        var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();

        var blocked = await submissions.SubmitAsync(draft.Id);
        var codes = blocked.Errors.Select(e => e.Code).Distinct().ToList();
        Assert.Contains(Rules.R7, codes);
        Assert.Contains(Rules.R10, codes);
        Assert.Contains(blocked.Errors, e => e.Field == "iban");
        Assert.All(blocked.Errors, e => Assert.Equal(ErrorKind.RuleBroken, e.Kind));

        var complete = await database.Services.CreateApplicationAsync(a => a.Complete());
        var submitted = await submissions.SubmitAsync(complete.Id);
        Assert.True(submitted.IsSuccess, string.Join("; ", submitted.Errors.Select(e => e.Message.En)));
        var version = submitted.Value!;
        Assert.Equal(1, version.Stored.Number);
        Assert.Equal(ApplicationContent.Sha256Of(version.Stored.Content), version.Receipt.Sha256);
        Assert.Equal(complete.DossierNumber, version.Receipt.DossierNumber);
        Assert.False(version.Receipt.UnderExtension);
        Assert.Equal(4, version.Content.Actions.Count);
        Assert.Contains(version.Content.ReferenceData, d => d.Role == "job-seekers");
        Assert.DoesNotContain("Rita Regisseur", version.Stored.Content, StringComparison.Ordinal);
        Assert.Contains("Rita Regisseur", version.Stored.Contacts, StringComparison.Ordinal);

        // Submitted: the partnership can change nothing any more.
        var edit = await scope.ServiceProvider.GetRequiredService<ApplicationService>().AddActionAsync(complete.Id, ApplicationBuilder.FullPlan(2023, 2025)[0]);
        Assert.Equal(ErrorKind.Conflict, Assert.Single(edit.Errors).Kind);

        await using var db = database.NewDb();
        var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == complete.Id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal(1, stored.SubmittedVersions);
        Assert.Equal(4, await db.PlannedActions.CountAsync(a => a.ApplicationId == complete.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterTheDeadline_SubmitIsRefusedWithR8_UnlessAnExtensionWasRecorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var complete = await database.Services.CreateApplicationAsync(a => a.Complete());

        // 14/1/2023 23:59 → 16/1/2023 00:00:30 Brussels.
        database.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(90));
        await using var scope = database.NewScope();
        var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();
        var late = await submissions.SubmitAsync(complete.Id);
        Assert.Equal(Rules.R8, Assert.Single(late.Errors).Code);

        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        Assert.Equal("motivation", Assert.Single((await reviews.GrantExtensionAsync(complete.Id, new DateOnly(2023, 1, 31), " ")).Errors).Field);
        Assert.True((await reviews.GrantExtensionAsync(complete.Id, new DateOnly(2023, 1, 31), "Gemeenteraad van 24/1 beslist over de verbintenis")).IsSuccess);

        var submitted = await submissions.SubmitAsync(complete.Id);
        Assert.True(submitted.IsSuccess, string.Join("; ", submitted.Errors.Select(e => e.Message.En)));
        Assert.True(submitted.Value!.Receipt.UnderExtension);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Review_RequestChanges_Resubmit_Diff_Approve(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var dossier = await database.Services.CreateApplicationAsync(a => a.Submitted());
        await using var scope = database.NewScope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();

        var check = await reviews.RecordCheckAsync(dossier.Id, "R11-clarity", "insufficient", "Actie 3: wat is de rol van de regisseur?");
        Assert.True(check.IsSuccess);
        Assert.Equal(ApplicationStatus.UnderReview, (await applications.GetAsync(dossier.Id))!.Status);

        var changes = await reviews.DecideAsync(dossier.Id, new DecisionInput("request-changes", "Verduidelijk actie 3.", Points: "Actie 3: rol van de regisseur", ResponseDue: new DateOnly(2023, 2, 15)));
        Assert.True(changes.IsSuccess);
        var sentBack = (await applications.GetAsync(dossier.Id))!;
        Assert.Equal(ApplicationStatus.ChangesRequested, sentBack.Status);
        Assert.Equal(new DateOnly(2023, 2, 15), sentBack.ResponseDue);

        var third = sentBack.Actions.OrderBy(a => a.Position).ElementAt(2);
        var input = new ActionInput(third.PolicyGoal, third.ActionPlan, third.ShortDescription, third.LongDescription + "<p>De regisseur trekt de actie.</p>", third.Comment, third.Code, third.Amounts.ToDictionary(a => a.Key, a => (string?)a.Value.ToInvariantString()));
        Assert.True((await applications.UpdateActionAsync(dossier.Id, third.Id, input, third.Version)).IsSuccess);

        // A month after the call's deadline: the response date the department gave governs the resubmission (R8).
        database.Time.Advance(TimeSpan.FromDays(30));
        var resubmitted = await submissions.SubmitAsync(dossier.Id);
        Assert.True(resubmitted.IsSuccess, string.Join("; ", resubmitted.Errors.Select(e => e.Message.En)));
        Assert.True(resubmitted.Value!.Receipt.UnderExtension);

        var diff = await submissions.DiffAsync(dossier.Id, 1, 2);
        var change = Assert.Single(diff.Value!);
        Assert.Equal(DiffSection.Plan, change.Section);
        Assert.Contains("De regisseur trekt de actie.", change.New, StringComparison.Ordinal);

        var approved = await reviews.DecideAsync(dossier.Id, new DecisionInput("approve", "Volledig en helder."));
        Assert.True(approved.IsSuccess);
        Assert.Equal(2, approved.Value!.VersionNumber);

        var again = await reviews.DecideAsync(dossier.Id, new DecisionInput("reject", "Toch niet: R10.", "R10"));
        var refused = Assert.Single(again.Errors);
        Assert.Equal("already-decided", refused.Code);
        Assert.Contains("goedgekeurd", refused.Message.Nl, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Approved, (await applications.GetAsync(dossier.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoCaseHandlers_DecidingAtOnce_NeverSendTwoDecisions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var dossier = await database.Services.CreateApplicationAsync(a => a.Submitted());

        string[] decisions = ["approve", "reject"];
        var outcomes = await Task.WhenAll(decisions.Select(async decision =>
        {
            await using var scope = database.NewScope();
            return await scope.ServiceProvider.GetRequiredService<ReviewService>().DecideAsync(dossier.Id, new DecisionInput(decision, $"{decision}: R10 bekeken.", "R10"));
        }));

        Assert.Single(outcomes, o => o.IsSuccess);
        var refused = Assert.Single(outcomes, o => !o.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, refused.Errors.Single().Kind);
        await using var db = database.NewDb();
        Assert.Equal(1, await db.ApplicationDecisions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportingAPlan_ReplacesIt_AndAFileWithViolationsWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var draft = await database.Services.CreateApplicationAsync();
        await using var scope = database.NewScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();

        var good = new StringBuilder("Beleidsdoelstelling;Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025\n");
        foreach (var code in PriorityCode.All.Select(p => p.ToString()))
        {
            good.Append(System.Globalization.CultureInfo.InvariantCulture, $"Doel;Actie {code};<p>Wat en waarom</p>;;{code};35.000,00;1.500;0\n");
        }

        using (var file = new MemoryStream(Encoding.UTF8.GetBytes(good.ToString())))
        {
            var imported = await applications.ImportPlanAsync(draft.Id, file, "plan.csv");
            Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors.Select(e => e.Message.En)));
            Assert.Equal(4, imported.Value!.Actions);
            Assert.Equal(new Money(4 * 3_500_000), imported.Value.Check.Total(2023));
        }

        var bad = good.ToString().Replace("WSE-LR4;35.000,00", "LSEVBP01;abc", StringComparison.Ordinal);
        using (var file = new MemoryStream(Encoding.UTF8.GetBytes(bad)))
        {
            var refused = await applications.ImportPlanAsync(draft.Id, file, "plan.csv");
            Assert.False(refused.IsSuccess);
            Assert.Contains(refused.Errors, e => e.Code == Rules.R12 && e.Field!.StartsWith("row 5", StringComparison.Ordinal));
            Assert.Contains(refused.Errors, e => e.Code == Rules.R11 && e.Field == "row 5, Bedrag 2023");
            Assert.Contains(refused.Errors, e => e.Code == Rules.R10);
        }

        await using var db = database.NewDb();
        Assert.Equal(["Actie WSE-LR1", "Actie WSE-LR2", "Actie WSE-LR3", "Actie WSE-LR4"], await db.PlannedActions.OrderBy(a => a.Position).Select(a => a.ShortDescription).ToListAsync());
    }
}
