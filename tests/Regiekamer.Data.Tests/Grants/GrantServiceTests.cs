using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Grants;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Grants;

/// <summary>Issue 9, points 1, 2 and 6 on both databases: decrees from a published allocation over approved applications, payments with four eyes and a stop, amending decrees, and the ledger's reconciliation.</summary>
public sealed class GrantServiceTests
{
    private sealed record Setup(TestDatabase Database, AllocationRun Run, int Gent, int Scheldeland, Actor Officer, Actor Colleague);

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider, int? advancePercent = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        if (advancePercent is { } percent)
        {
            await database.Services.CreateCallVersionAsync(v => v.Advance(percent));
        }

        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var scheldeland = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Hamme", "Hamme", "Berlare", "Dendermonde", "Wichelen", "Zele").Named("Scheldeland"));
        var run = await database.Services.CreateApprovedRunAsync(gent, scheldeland);
        // Two people of the department (four eyes compares who they are, not their accounts' details).
        return new(database, run, gent.Id, scheldeland.Id, new Actor(Guid.NewGuid(), "paula.beleid@test.regiekamer", "PolicyOfficer"), new Actor(Guid.NewGuid(), "koen.dossier@test.regiekamer", "CaseHandler"));
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, ApplicationBuilders.Describe(result.Errors));
        return result.Value!;
    }

    /// <summary>Takes a planned payment to paid on 1 June 2023: proposed by the officer, approved, ordered and booked by the colleague.</summary>
    private static async Task PayAsync(Setup s, Payment payment)
    {
        await using var own = Scope(s, s.Officer);
        var v = Ok(await own.ServiceProvider.GetRequiredService<PaymentService>().ActAsync(payment.Id, new PaymentStep("propose", payment.Version))).Version;
        await using var other = Scope(s, s.Colleague);
        var colleague = other.ServiceProvider.GetRequiredService<PaymentService>();
        v = Ok(await colleague.ActAsync(payment.Id, new PaymentStep("approve", v))).Version;
        v = Ok(await colleague.ActAsync(payment.Id, new PaymentStep("order", v))).Version;
        s.Database.Time.SetUtcNow(new DateTimeOffset(2023, 6, 2, 10, 0, 0, TimeSpan.Zero));
        Ok(await colleague.ActAsync(payment.Id, new PaymentStep("mark-paid", v, new DateOnly(2023, 6, 1))));
    }

    private static AsyncServiceScope Scope(Setup s, Actor actor)
    {
        var scope = s.Database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        return scope;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADecree_IsDraftedFromThePublishedRun_WithTheBeneficiaryOfR4_AndAddsUpToTheBudget(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var db = s.Database;
        await using var scope = Scope(s, s.Officer);
        var decrees = scope.ServiceProvider.GetRequiredService<DecreeService>();

        var decree = Ok(await decrees.DraftAsync(new DecreeDraftInput(s.Run.Id, 2023, "MB-2023-0412", new DateOnly(2023, 4, 20))));
        Assert.Equal(DecreeStatus.Draft, decree.Status);
        Assert.Equal(s.Run.Budget, decree.Total);
        Assert.Equal(s.Run.Budget, decree.Budget);
        Assert.Contains("17 februari 2012", decree.LegalBasis, StringComparison.Ordinal);
        var gent = decree.Lines.Single(l => l.PartnershipId == s.Gent);
        Assert.Equal((BeneficiaryKind.City, "Gent", ApplicationBuilder.Kbo, ApplicationBuilder.Iban), (gent.BeneficiaryKind, gent.BeneficiaryName, gent.BeneficiaryKbo, gent.Iban));
        var scheldeland = decree.Lines.Single(l => l.PartnershipId == s.Scheldeland);
        Assert.Equal((BeneficiaryKind.ManagingMunicipality, "Hamme"), (scheldeland.BeneficiaryKind, scheldeland.BeneficiaryName));
        Assert.Equal(s.Run.Lines.Single(l => l.PartnershipId == s.Scheldeland).Total, scheldeland.Amount);

        // One first decree per year; a number once; a date inside the call; a year inside the call: else nothing is written.
        var again = await decrees.DraftAsync(new DecreeDraftInput(s.Run.Id, 2023, "MB-2023-0413", new DateOnly(2023, 4, 20)));
        Assert.Equal("decree-exists", Assert.Single(again.Errors).Code);
        var bad = await decrees.DraftAsync(new DecreeDraftInput(s.Run.Id, 2026, "MB-2023-0412", new DateOnly(2021, 12, 31)));
        Assert.Contains(bad.Errors, e => e.Field == "year" && e.Code == "outside-call");
        Assert.Contains(bad.Errors, e => e.Field == "decreeDate" && e.Code == "outside-call");
        var taken = await decrees.DraftAsync(new DecreeDraftInput(s.Run.Id, 2024, "MB-2023-0412", new DateOnly(2024, 3, 1)));
        Assert.Equal(("duplicate-number", "number"), (Assert.Single(taken.Errors).Code, taken.Errors[0].Field));
        await using var check = db.NewDb();
        Assert.Equal(1, await check.Decrees.CountAsync());
        Assert.Equal(1, await check.AuditRecords.CountAsync(r => r.EntityType == DecreeService.AuditEntity));

        // Only a draft changes; a signed decree is corrected by an amendment.
        var signed = Ok(await decrees.SignAsync(decree.Id, decree.Version));
        Assert.Equal(DecreeStatus.Signed, signed.Status);
        var edit = await decrees.UpdateAsync(decree.Id, new DecreeInput("MB-X", new DateOnly(2023, 5, 1)), signed.Version);
        Assert.Contains("wijzigingsbesluit", Assert.Single(edit.Errors).Message.Nl, StringComparison.Ordinal);
        var published = Ok(await decrees.PublishAsync(decree.Id, signed.Version));
        Assert.Equal(DecreeStatus.Published, published.Status);
        Assert.Single(await decrees.PublishedAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADecreeOverARunThatIsNotPublished_OrNotOverApprovedApplications_IsRefusedWithR13(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        await using var scope = database.NewScope();
        var run = Ok(await scope.ServiceProvider.GetRequiredService<AllocationService>().CreateRunAsync(null, new DateOnly(2023, 1, 14)));
        var refused = await scope.ServiceProvider.GetRequiredService<DecreeService>().DraftAsync(new DecreeDraftInput(run.Id, 2023, "MB-1", new DateOnly(2023, 4, 20)));
        Assert.Equal(2, refused.Errors.Count(e => e.Code == Rules.R13 && e.Field == "allocationRunId"));
        await using var check = database.NewDb();
        Assert.False(await check.Decrees.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Signing_PlansThePaymentsOfTheCallsSchedule_AndPaymentsFollowFourEyes_TheRoom_AndAStop(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider, advancePercent: 70);
        await using var db = s.Database;
        var decree = await db.Services.CreateSignedDecreeAsync(s.Run, 2023, actor: s.Officer);
        await using var scope = Scope(s, s.Officer);
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();

        var planned = await payments.ListAsync(decree.CallId);
        Assert.Equal(4, planned.Count);
        foreach (var line in decree.Lines)
        {
            var own = planned.Where(p => p.Payment.PartnershipId == line.PartnershipId).Select(p => p.Payment).OrderBy(p => p.Id).ToList();
            Assert.Equal([PaymentKind.Advance, PaymentKind.Balance], own.Select(p => p.Kind));
            Assert.Equal(line.Amount.Cents * 70 / 100, own[0].Amount.Cents);
            Assert.Equal(line.Amount, own[0].Amount + own[1].Amount);
            Assert.Equal(new DateOnly(2023, 5, 20), own[0].PlannedDate);
            Assert.Equal(new DateOnly(2024, 6, 30), own[1].PlannedDate);
        }

        var advance = planned.First(p => p.Payment.PartnershipId == s.Gent && p.Payment.Kind == PaymentKind.Advance).Payment;
        var proposed = Ok(await payments.ActAsync(advance.Id, new PaymentStep("propose", advance.Version)));
        var own4eyes = await payments.ActAsync(advance.Id, new PaymentStep("approve", proposed.Version));
        Assert.Equal(ErrorKind.Forbidden, Assert.Single(own4eyes.Errors).Kind);

        await using (var other = Scope(s, s.Colleague))
        {
            var colleague = other.ServiceProvider.GetRequiredService<PaymentService>();
            var approved = Ok(await colleague.ActAsync(advance.Id, new PaymentStep("approve", proposed.Version)));
            Assert.Equal(s.Colleague.UserId, approved.ApprovedByUserId);
            var ordered = Ok(await colleague.ActAsync(advance.Id, new PaymentStep("order", approved.Version)));
            var future = await colleague.ActAsync(advance.Id, new PaymentStep("mark-paid", ordered.Version, new DateOnly(2023, 6, 1)));
            Assert.Equal("paidOn", Assert.Single(future.Errors).Field);
            db.Time.SetUtcNow(new DateTimeOffset(2023, 6, 2, 10, 0, 0, TimeSpan.Zero));
            var paid = Ok(await colleague.ActAsync(advance.Id, new PaymentStep("mark-paid", ordered.Version, new DateOnly(2023, 6, 1), "BANK-77")));
            Assert.Equal((PaymentStatus.Paid, "BANK-77"), (paid.Status, paid.BankReference));
        }

        // An extra payment above what is left of the grant: R13, nothing written.
        var gentLine = decree.Lines.Single(l => l.PartnershipId == s.Gent);
        var over = await payments.PlanAsync(new PaymentInput(gentLine.Id, new DateOnly(2023, 9, 1), "0,01"));
        Assert.Equal((Rules.R13, "amount"), (Assert.Single(over.Errors).Code, over.Errors[0].Field));
        var outside = await payments.PlanAsync(new PaymentInput(gentLine.Id, new DateOnly(2027, 1, 1), "1,00"));
        Assert.Contains(outside.Errors, e => e.Field == "plannedDate" && e.Code == "outside-call");

        // Freed room: the balance made smaller leaves room for an extra payment of exactly the difference.
        var balance = (await payments.ListAsync(decree.CallId, s.Gent)).Single(p => p.Payment.Kind == PaymentKind.Balance).Payment;
        Ok(await payments.RescheduleAsync(balance.Id, balance.PlannedDate, (balance.Amount - Money.FromEuros(1_000)).ToInvariantString(), balance.Version));
        Ok(await payments.PlanAsync(new PaymentInput(gentLine.Id, new DateOnly(2023, 9, 1), "1.000,00")));

        // R16: a stop blocks every later step that moves money.
        Ok(await payments.StopAsync(decree.CallId, s.Scheldeland, new DateOnly(2023, 6, 1), "BVR-2023-17", "Subsidie niet aangewend voor het doel (R16)."));
        var stopped = (await payments.ListAsync(decree.CallId, s.Scheldeland)).First().Payment;
        var refused = await payments.ActAsync(stopped.Id, new PaymentStep("propose", stopped.Version));
        Assert.Equal(Rules.R16, Assert.Single(refused.Errors).Code);

        await using var check = db.NewDb();
        Assert.Equal(5, await check.Payments.CountAsync());
        Assert.Equal(["Approved", "Ordered", "Paid", "Proposed"], (await check.AuditRecords.Where(r => r.EntityType == PaymentService.AuditEntity && r.EntityId == advance.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Action != "Created").Select(r => r.Action).ToListAsync()).Order(StringComparer.Ordinal));

        var ledger = Ok(await scope.ServiceProvider.GetRequiredService<LedgerService>().ForCallAsync(decree.CallId)).Ledger;
        Assert.True(ledger.Reconciles, string.Join("\n", ledger.Problems.Select(p => p.Message.En)));
        Assert.Equal(s.Run.Budget, ledger.Totals.Granted);
        Assert.Equal(advance.Amount, ledger.Totals.Paid);
        var stoppedLine = ledger.Lines.Single(l => l.PartnershipId == s.Scheldeland);
        Assert.Equal(stoppedLine.Granted, stoppedLine.Stopped);
        Assert.Equal(Money.Zero, stoppedLine.Outstanding);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAmendingDecree_MovesMoneyBetweenLines_NeverBelowWhatIsPaid_AndCorrectsThePlannedPayments(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var db = s.Database;
        var decree = await db.Services.CreateSignedDecreeAsync(s.Run, 2023, actor: s.Officer);
        await using var scope = Scope(s, s.Officer);
        var decrees = scope.ServiceProvider.GetRequiredService<DecreeService>();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();

        // Gent's whole payment is paid.
        await PayAsync(s, (await payments.ListAsync(decree.CallId, s.Gent)).Single().Payment);

        var missingReason = await decrees.AmendAsync(decree.Id, new DecreeInput("MB-2023-0500", new DateOnly(2023, 7, 1)));
        Assert.Equal("amendmentReason", Assert.Single(missingReason.Errors).Field);
        var amendment = Ok(await decrees.AmendAsync(decree.Id, new DecreeInput("MB-2023-0500", new DateOnly(2023, 7, 1), AmendmentReason: "Verbetering van een materiële vergissing: € 100,00 van Gent naar Hamme.")));
        Assert.Equal(decree.Id, amendment.AmendsDecreeId);
        Assert.Equal("amended", Assert.Single((await decrees.AmendAsync(decree.Id, new DecreeInput("MB-2023-0501", new DateOnly(2023, 7, 1), AmendmentReason: "x"))).Errors).Code);

        var gentLine = amendment.Lines.Single(l => l.PartnershipId == s.Gent);
        var hammeLine = amendment.Lines.Single(l => l.PartnershipId == s.Scheldeland);
        var (gentAmount, hammeAmount) = (gentLine.Amount, hammeLine.Amount);
        var a1 = Ok(await decrees.SetAmountAsync(amendment.Id, gentLine.Id, (gentAmount - Money.FromEuros(100)).ToInvariantString(), amendment.Version));

        // Lines that do not add up: R13 on signing, nothing changes.
        var unbalanced = await decrees.SignAsync(amendment.Id, a1.Version);
        Assert.Contains(unbalanced.Errors, e => e.Code == Rules.R13 && e.Message.Nl.Contains("€ 100,00 te weinig", StringComparison.Ordinal));
        // Gent was paid in full: granting it less than paid is refused.
        Assert.Contains(unbalanced.Errors, e => e.Field == $"lines[{s.Gent}].amount");

        // Instead € 100 goes from Hamme (nothing paid yet) to Gent: the lines add up again and nobody gets less than paid.
        var a2 = Ok(await decrees.SetAmountAsync(amendment.Id, gentLine.Id, (gentAmount + Money.FromEuros(100)).ToInvariantString(), a1.Version));
        var a3 = Ok(await decrees.SetAmountAsync(amendment.Id, hammeLine.Id, (hammeAmount - Money.FromEuros(50)).ToInvariantString(), a2.Version));
        var stillOff = await decrees.SignAsync(amendment.Id, a3.Version);
        Assert.Contains("€ 50,00 te veel", Assert.Single(stillOff.Errors).Message.Nl, StringComparison.Ordinal);
        var a4 = Ok(await decrees.SetAmountAsync(amendment.Id, hammeLine.Id, (hammeAmount - Money.FromEuros(100)).ToInvariantString(), a3.Version));
        var signed = Ok(await decrees.SignAsync(amendment.Id, a4.Version));
        Assert.Equal(DecreeStatus.Signed, signed.Status);
        Assert.Equal([amendment.Id], (await decrees.InForceAsync(decree.CallId)).Select(d => d.Id));

        var ledger = Ok(await scope.ServiceProvider.GetRequiredService<LedgerService>().ForCallAsync(decree.CallId)).Ledger;
        Assert.True(ledger.Reconciles, string.Join("\n", ledger.Problems.Select(p => p.Message.En)));
        Assert.Equal(s.Run.Budget, ledger.Totals.Granted);

        // Gent's € 100 more is a new planned payment; Hamme's planned one is € 100 less.
        Assert.Equal([gentAmount, Money.FromEuros(100)], (await payments.ListAsync(decree.CallId, s.Gent)).OrderBy(p => p.Payment.Id).Select(p => p.Payment.Amount));
        Assert.Equal(hammeAmount - Money.FromEuros(100), (await payments.ListAsync(decree.CallId, s.Scheldeland)).Single().Payment.Amount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAmendment_ThatCutsAGrant_TakesItOffThePlannedPayments_AndARiseIsANewPlannedPayment(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var db = s.Database;
        var decree = await db.Services.CreateSignedDecreeAsync(s.Run, 2023, actor: s.Officer);
        await using var scope = Scope(s, s.Officer);
        var decrees = scope.ServiceProvider.GetRequiredService<DecreeService>();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
        var amendment = Ok(await decrees.AmendAsync(decree.Id, new DecreeInput("MB-2023-0600", new DateOnly(2023, 8, 1), AmendmentReason: "€ 250,00 van Gent naar Hamme.")));
        var gent = amendment.Lines.Single(l => l.PartnershipId == s.Gent);
        var hamme = amendment.Lines.Single(l => l.PartnershipId == s.Scheldeland);
        var (gentAmount, hammeAmount) = (gent.Amount, hamme.Amount);
        var v = Ok(await decrees.SetAmountAsync(amendment.Id, gent.Id, (gentAmount - Money.FromEuros(250)).ToInvariantString(), amendment.Version)).Version;
        v = Ok(await decrees.SetAmountAsync(amendment.Id, hamme.Id, (hammeAmount + Money.FromEuros(250)).ToInvariantString(), v)).Version;
        Ok(await decrees.SignAsync(amendment.Id, v));

        var gentPayments = (await payments.ListAsync(decree.CallId, s.Gent)).Select(p => p.Payment).ToList();
        Assert.Equal(gentAmount - Money.FromEuros(250), Assert.Single(gentPayments).Amount);
        var hammePayments = (await payments.ListAsync(decree.CallId, s.Scheldeland)).Select(p => p.Payment).OrderBy(p => p.Id).ToList();
        Assert.Equal([hammeAmount, Money.FromEuros(250)], hammePayments.Select(p => p.Amount));
        var ledger = Ok(await scope.ServiceProvider.GetRequiredService<LedgerService>().ForCallAsync(decree.CallId)).Ledger;
        Assert.True(ledger.Reconciles);
        Assert.Equal(hammeAmount + Money.FromEuros(250), ledger.Lines.Single(l => l.PartnershipId == s.Scheldeland).Granted);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentOrdersOfOnePayment_EndInExactlyOne(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var db = s.Database;
        var decree = await db.Services.CreateSignedDecreeAsync(s.Run, 2023, actor: s.Officer);
        int id;
        int version;
        await using (var scope = Scope(s, s.Officer))
        {
            var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
            var payment = (await payments.ListAsync(decree.CallId, s.Gent)).Single().Payment;
            id = payment.Id;
            version = Ok(await payments.ActAsync(id, new PaymentStep("propose", payment.Version))).Version;
        }

        await using (var scope = Scope(s, s.Colleague))
        {
            version = Ok(await scope.ServiceProvider.GetRequiredService<PaymentService>().ActAsync(id, new PaymentStep("approve", version))).Version;
        }

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            await using var scope = Scope(s, s.Colleague);
            return await scope.ServiceProvider.GetRequiredService<PaymentService>().ActAsync(id, new PaymentStep("order", version));
        }));
        Assert.Single(attempts, a => a.IsSuccess);
        Assert.All(attempts.Where(a => !a.IsSuccess), a => Assert.Equal(ErrorKind.Conflict, a.Errors[0].Kind));
        await using var check = db.NewDb();
        Assert.Equal(1, await check.AuditRecords.CountAsync(r => r.EntityType == PaymentService.AuditEntity && r.Action == PaymentAuditActions.Ordered));
        Assert.True((await AuditTrail.VerifyAsync(check)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ALedgerEditedBehindTheAppsBack_DoesNotReconcile_AndTheCheckNamesTheLine(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var db = s.Database;
        var decree = await db.Services.CreateSignedDecreeAsync(s.Run, 2023, actor: s.Officer);
        await using (var edit = db.NewDb())
        {
            var payment = await edit.Payments.FirstAsync(p => p.PartnershipId == s.Gent);
            var cents = payment.Amount.Cents + 1;
            await edit.Database.ExecuteSqlAsync($"UPDATE \"Payments\" SET \"Amount\" = {cents}, \"Status\" = 'Paid' WHERE \"Id\" = {payment.Id}");
        }

        await using var scope = Scope(s, s.Officer);
        var ledger = Ok(await scope.ServiceProvider.GetRequiredService<LedgerService>().ForCallAsync(decree.CallId)).Ledger;
        Assert.False(ledger.Reconciles);
        Assert.Contains(ledger.Problems, p => p.Where == "2023 Gent" && p.Message.En.Contains("more than granted", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReclaim_NeverExceedsWhatWasPaid_IsPaidBackInParts_AndTheLedgerShowsIt(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await using var db = s.Database;
        var decree = await db.Services.CreateSignedDecreeAsync(s.Run, 2023, actor: s.Officer);
        Money paid;
        await using (var scope = Scope(s, s.Officer))
        {
            var payment = (await scope.ServiceProvider.GetRequiredService<PaymentService>().ListAsync(decree.CallId, s.Gent)).Single().Payment;
            paid = payment.Amount;
            await PayAsync(s, payment);
        }

        await using var s2 = Scope(s, s.Colleague);
        var reclaims = s2.ServiceProvider.GetRequiredService<ReclaimService>();
        var nothingPaid = await reclaims.DecideAsync(decree.CallId, new ReclaimInput(s.Scheldeland, "BVR-1", new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 1), "Niet aangewend (R16)."));
        Assert.Equal(Rules.R16, Assert.Single(nothingPaid.Errors).Code);
        var tooMuch = await reclaims.DecideAsync(decree.CallId, new ReclaimInput(s.Gent, "BVR-2", new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 1), "Niet aangewend (R16).", (paid + new Money(1)).ToInvariantString()));
        Assert.Equal(("R16", "amount"), (Assert.Single(tooMuch.Errors).Code, tooMuch.Errors[0].Field));

        var reclaim = Ok(await reclaims.DecideAsync(decree.CallId, new ReclaimInput(s.Gent, "BVR-2", new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 1), "Niet aangewend (R16).")));
        Assert.Equal(paid, reclaim.Amount);
        var again = await reclaims.DecideAsync(decree.CallId, new ReclaimInput(s.Gent, "BVR-3", new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 1), "Nog eens."));
        Assert.Equal(Rules.R16, Assert.Single(again.Errors).Code);

        var claimed = Ok(await reclaims.ClaimAsync(reclaim.Id, new DateOnly(2024, 3, 5), reclaim.Version));
        var over = await reclaims.RepayAsync(reclaim.Id, new DateOnly(2024, 4, 1), (paid + new Money(1)).ToInvariantString(), "TERUG-1", claimed.Version);
        Assert.Equal(Rules.R16, Assert.Single(over.Errors).Code);
        var part = Ok(await reclaims.RepayAsync(reclaim.Id, new DateOnly(2024, 4, 1), "1.000,00", "TERUG-1", claimed.Version));
        Assert.Equal(ReclaimStatus.Claimed, part.Status);
        var rest = Ok(await reclaims.RepayAsync(reclaim.Id, new DateOnly(2024, 4, 20), (paid - Money.FromEuros(1_000)).ToInvariantString(), "TERUG-2", part.Version));
        Assert.Equal(ReclaimStatus.PaidBack, rest.Status);
        Assert.NotNull((await reclaims.WriteOffAsync(reclaim.Id, "Niets meer open.", rest.Version)).Errors.SingleOrDefault(e => e.Code == "status"));

        var ledger = Ok(await s2.ServiceProvider.GetRequiredService<LedgerService>().ForCallAsync(decree.CallId)).Ledger;
        Assert.True(ledger.Reconciles, string.Join("\n", ledger.Problems.Select(p => p.Message.En)));
        var line = ledger.Lines.Single(l => l.PartnershipId == s.Gent);
        Assert.Equal((paid, paid, paid, Money.Zero), (line.Paid, line.Reclaimed, line.PaidBack, line.Net));
        await using var check = db.NewDb();
        Assert.Equal(["Claimed", "Created", "Repaid", "Repaid"], (await check.AuditRecords.Where(r => r.EntityType == ReclaimService.AuditEntity).Select(r => r.Action).ToListAsync()).Order(StringComparer.Ordinal));
    }
}
