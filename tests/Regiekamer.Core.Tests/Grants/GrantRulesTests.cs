using CsCheck;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Tests.Grants;

/// <summary>The money invariants of issue 9 as properties (CsCheck, with shrinking): decree lines add up to the budget (R13), payments never exceed what is granted, the schedule's parts add up to the grant, the ledger reconciles and names what does not.</summary>
public sealed class GrantRulesTests
{
    private static readonly Gen<long> Cents = Gen.Long[1, 300_000_000];

    /// <summary>A budget split into 1–40 positive lines that add up to it exactly.</summary>
    private static readonly Gen<(Money Budget, List<Money> Lines)> Split =
        Gen.Select(Gen.Long[4_000, 300_000_000], Gen.Int[1, 40], Gen.UInt)
            .Select(t =>
            {
                var (budget, count, seed) = t;
                var random = new Random((int)seed);
                var cuts = Enumerable.Range(0, count - 1).Select(_ => random.NextInt64(1, budget)).Distinct().Order().ToList();
                var edges = new List<long> { 0 };
                edges.AddRange(cuts);
                edges.Add(budget);
                return (new Money(budget), edges.Zip(edges.Skip(1), (a, b) => new Money(b - a)).ToList());
            });

    [Fact]
    public void DecreeLines_ThatAddUpToTheBudget_AreAccepted_AndOneCentOff_IsAnR13ErrorNamingTheDifference()
    {
        Split.Sample(s =>
        {
            var lines = s.Lines.Select((m, i) => (i + 1, $"Regieverband {i + 1}", m)).ToList();
            Assert.Empty(GrantRules.CheckLines(lines, s.Budget));

            lines[0] = (lines[0].Item1, lines[0].Item2, lines[0].m + new Money(1));
            var error = Assert.Single(GrantRules.CheckLines(lines, s.Budget));
            Assert.Equal(Rules.R13, error.Code);
            Assert.Contains("€ 0,01 te veel", error.Message.Nl, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void DecreeLines_WithAZeroAmount_OrAPartnershipTwice_AreRefused()
    {
        var budget = Money.FromEuros(100);
        var errors = GrantRules.CheckLines([(1, "A", Money.FromEuros(100)), (2, "B", Money.Zero)], budget);
        Assert.Contains(errors, e => e.Field == "lines[2].amount");
        errors = GrantRules.CheckLines([(1, "A", Money.FromEuros(50)), (1, "A", Money.FromEuros(50))], budget);
        Assert.Contains(errors, e => e.Field == "lines[1]" && e.Code == Rules.R13);
    }

    [Fact]
    public void TheSchedule_AddsUpToTheGrant_AndTheAdvanceIsThePercentageRoundedDown()
    {
        Gen.Select(Cents, Gen.Int[1, 100]).Sample((cents, percent) =>
        {
            var parts = GrantRules.Schedule(new Money(cents), percent);
            Assert.Equal(cents, parts.Sum(p => p.Amount.Cents));
            Assert.All(parts, p => Assert.True(p.Amount.Cents >= 0));
            if (percent == 100)
            {
                Assert.Equal(PaymentKind.Whole, Assert.Single(parts).Kind);
            }
            else
            {
                Assert.Equal([PaymentKind.Advance, PaymentKind.Balance], parts.Select(p => p.Kind));
                Assert.Equal(cents * percent / 100, parts[0].Amount.Cents);
            }
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => GrantRules.Schedule(Money.FromEuros(1), 0));
    }

    [Fact]
    public void Payments_AcceptedOnlyWhenTheyFit_NeverAddUpToMoreThanTheGrant_AndFailedOnesFreeTheirRoom()
    {
        var attempt = Gen.Select(Gen.Long[-100, 50_000_000], Gen.Enum<PaymentStatus>());
        Gen.Select(Cents, attempt.Array[1, 30]).Sample((granted, attempts) =>
        {
            var grant = new Money(granted);
            var accepted = new List<(Money Amount, PaymentStatus Status)>();
            foreach (var (cents, status) in attempts)
            {
                var amount = new Money(cents);
                var room = GrantRules.Room(grant, accepted);
                var error = GrantRules.CheckPayment(amount, room);
                Assert.Equal(error is null, cents > 0 && amount <= room);
                if (error is null)
                {
                    accepted.Add((amount, status));
                }
                else if (cents > 0)
                {
                    Assert.Equal(Rules.R13, error.Code);
                }
            }

            var committed = accepted.Where(p => p.Status != PaymentStatus.Failed).Sum(p => p.Amount.Cents);
            Assert.True(committed <= granted, $"{committed} committed of {granted} granted");
            Assert.Equal(granted - committed, GrantRules.Room(grant, accepted).Cents);
        });
    }

    [Fact]
    public void TheBeneficiary_IsTheManagingMunicipality_TheCity_OrTheAssociation_AsR4Says()
    {
        Assert.Equal((BeneficiaryKind.ManagingMunicipality, "Dendermonde"), GrantRules.Beneficiary(PartnershipKind.InterlocalAssociation, "IGS Scheldeland", "Dendermonde", null));
        Assert.Equal((BeneficiaryKind.City, "Antwerpen"), GrantRules.Beneficiary(PartnershipKind.CentralCity, "Centrumstad Antwerpen", null, "Antwerpen"));
        Assert.Equal((BeneficiaryKind.Association, "Welzijnsvereniging X"), GrantRules.Beneficiary(PartnershipKind.WelfareAssociation, "Welzijnsvereniging X", "Gent", null));
        Assert.Equal((BeneficiaryKind.Association, "Projectvereniging Y"), GrantRules.Beneficiary(PartnershipKind.ProjectAssociation, "Projectvereniging Y", "Aalst", null));
    }

    [Fact]
    public void DatesOutsideTheCall_AreRefused_NamingTheField()
    {
        Assert.Null(GrantRules.CheckDate(new DateOnly(2023, 1, 1), 2023, 2025, "plannedDate"));
        Assert.Null(GrantRules.CheckDate(new DateOnly(2026, 12, 31), 2023, 2025, "plannedDate"));
        var error = GrantRules.CheckDate(new DateOnly(2022, 12, 31), 2023, 2025, "plannedDate");
        Assert.Equal(("outside-call", "plannedDate"), (error!.Code, error.Field));
        Assert.NotNull(GrantRules.CheckDate(new DateOnly(2027, 1, 1), 2023, 2025, "plannedDate"));
    }

    [Fact]
    public void TheDecreesInForce_AreTheSignedOnesNoSignedDecreeAmends()
    {
        var decrees = new (int Id, int Year, DecreeStatus Status, int? Amends)[]
        {
            (1, 2023, DecreeStatus.Published, null),
            (2, 2023, DecreeStatus.Signed, 1),
            (3, 2023, DecreeStatus.Draft, 2),
            (4, 2024, DecreeStatus.Signed, null),
            (5, 2025, DecreeStatus.Draft, null),
        };
        Assert.Equal([2, 4], GrantRules.InForce(decrees, d => d).Select(d => d.Id));
    }

    /// <summary>A random call: per year a decree over a split budget, payments that fit, some stops and reclaims within what was paid.</summary>
    private static readonly Gen<(List<LedgerDecree> Decrees, List<LedgerPayment> Payments, HashSet<int> Stopped, List<LedgerReclaim> Reclaims)> Call =
        Gen.Select(Split.Array[1, 3], Gen.UInt).Select(t =>
        {
            var (years, seed) = t;
            var random = new Random((int)seed);
            var decrees = new List<LedgerDecree>();
            var payments = new List<LedgerPayment>();
            var reclaims = new List<LedgerReclaim>();
            var stopped = new HashSet<int>();
            for (var y = 0; y < years.Length; y++)
            {
                var year = 2023 + y;
                var lines = years[y].Lines.Select((m, i) => new LedgerGrant(year, i + 1, $"Begunstigde {i + 1}", $"MB-{year}", m)).ToList();
                decrees.Add(new LedgerDecree(year, $"MB-{year}", years[y].Budget, lines));
                foreach (var line in lines)
                {
                    var committed = new List<(Money, PaymentStatus)>();
                    for (var n = random.Next(0, 5); n > 0; n--)
                    {
                        var room = GrantRules.Room(line.Amount, committed);
                        if (room.Cents <= 0)
                        {
                            break;
                        }

                        var amount = new Money(random.NextInt64(1, room.Cents + 1));
                        var status = (PaymentStatus)random.Next(0, 6);
                        committed.Add((amount, status));
                        payments.Add(new LedgerPayment(payments.Count + 1, year, line.PartnershipId, $"P{payments.Count + 1}", amount, status));
                    }

                    var paid = payments.Where(p => p.Year == year && p.PartnershipId == line.PartnershipId && p.Status == PaymentStatus.Paid).Sum(p => p.Amount.Cents);
                    if (paid > 0 && random.Next(4) == 0)
                    {
                        stopped.Add(line.PartnershipId);
                        var reclaimed = random.NextInt64(1, paid + 1);
                        var back = random.NextInt64(0, reclaimed + 1);
                        var off = random.NextInt64(0, reclaimed - back + 1);
                        reclaims.Add(new LedgerReclaim(year, line.PartnershipId, new Money(reclaimed), new Money(back), new Money(off)));
                    }
                }
            }

            return (decrees, payments, stopped, reclaims);
        });

    [Fact]
    public void ALedger_BuiltByTheRules_Reconciles_AndItsColumnsAddUp()
    {
        Call.Sample(c =>
        {
            var ledger = Ledger.Compute(c.Decrees, c.Payments, c.Stopped, c.Reclaims);
            Assert.True(ledger.Reconciles, string.Join("\n", ledger.Problems.Select(p => p.Message.En)));
            Assert.Equal(c.Decrees.Sum(d => d.Budget.Cents), ledger.Totals.Granted.Cents);
            Assert.Equal(c.Payments.Where(p => p.Status == PaymentStatus.Paid).Sum(p => p.Amount.Cents), ledger.Totals.Paid.Cents);
            foreach (var line in ledger.Lines)
            {
                Assert.True(line.Paid + line.InProgress <= line.Granted);
                Assert.True(line.Reclaimed <= line.Paid);
                Assert.Equal(line.Paid - line.PaidBack, line.Net);
                Assert.True(line.Outstanding.Cents >= 0);
                Assert.Equal(line.Granted, line.Paid + line.InProgress + line.Stopped + (c.Stopped.Contains(line.PartnershipId) ? Money.Zero : line.Outstanding - line.InProgress));
            }

            Assert.Equal(ledger.Totals.Granted, ledger.Years.Aggregate(Money.Zero, (s, y) => s + ledger.TotalsOf(y).Granted));
        });
    }

    [Fact]
    public void ALedgerThatDoesNotReconcile_NamesTheLine()
    {
        var grant = new LedgerGrant(2023, 7, "Dendermonde", "MB-2023-1", Money.FromEuros(1_000));
        var decree = new LedgerDecree(2023, "MB-2023-1", Money.FromEuros(1_000), [grant]);

        // Paid above the grant (an edit behind the application's back).
        var over = Ledger.Compute([decree], [new LedgerPayment(1, 2023, 7, "RK-1", Money.FromEuros(1_001), PaymentStatus.Paid)], new HashSet<int>(), []);
        Assert.Contains(over.Problems, p => p.Where == "2023 Dendermonde" && p.Message.Nl.Contains("meer dan toegekend", StringComparison.Ordinal));

        // A decree whose lines do not add up to its budget.
        var shortDecree = Ledger.Compute([decree with { Budget = Money.FromEuros(1_500) }], [], new HashSet<int>(), []);
        Assert.Contains(shortDecree.Problems, p => p.Where == "besluit MB-2023-1" && p.Message.En.Contains("R13", StringComparison.Ordinal));

        // Reclaimed above what was paid; paid back above what was reclaimed.
        var reclaim = Ledger.Compute([decree], [new LedgerPayment(1, 2023, 7, "RK-1", Money.FromEuros(400), PaymentStatus.Paid)], new HashSet<int> { 7 }, [new LedgerReclaim(2023, 7, Money.FromEuros(500), Money.FromEuros(600), Money.Zero)]);
        Assert.Contains(reclaim.Problems, p => p.Message.Nl.Contains("teruggevorderd (€ 500,00) is meer dan betaald", StringComparison.Ordinal));
        Assert.Contains(reclaim.Problems, p => p.Message.Nl.Contains("meer dan teruggevorderd", StringComparison.Ordinal));

        // A payment without a grant in force.
        var orphan = Ledger.Compute([decree], [new LedgerPayment(9, 2024, 7, "RK-9", Money.FromEuros(1), PaymentStatus.Paid)], new HashSet<int>(), []);
        Assert.Contains(orphan.Problems, p => p.Where == "betaling RK-9");
    }

    [Fact]
    public void AStoppedGrant_StopsWhatIsNeitherPaidNorInPayment()
    {
        var decree = new LedgerDecree(2023, "MB", Money.FromEuros(1_000), [new LedgerGrant(2023, 1, "A", "MB", Money.FromEuros(1_000))]);
        var ledger = Ledger.Compute([decree], [new LedgerPayment(1, 2023, 1, "P1", Money.FromEuros(300), PaymentStatus.Paid), new LedgerPayment(2, 2023, 1, "P2", Money.FromEuros(200), PaymentStatus.Ordered), new LedgerPayment(3, 2023, 1, "P3", Money.FromEuros(100), PaymentStatus.Planned)], new HashSet<int> { 1 }, []);
        var line = Assert.Single(ledger.Lines);
        Assert.Equal((Money.FromEuros(300), Money.FromEuros(200), Money.FromEuros(500), Money.FromEuros(200)), (line.Paid, line.InProgress, line.Stopped, line.Outstanding));
    }

    // Every transition × role, against a table written out here (not the lifecycle's own).
    private static readonly Dictionary<(DecreeStatus, DecreeAction), DecreeStatus> DecreeSteps = new()
    {
        [(DecreeStatus.Draft, DecreeAction.Edit)] = DecreeStatus.Draft,
        [(DecreeStatus.Draft, DecreeAction.Sign)] = DecreeStatus.Signed,
        [(DecreeStatus.Draft, DecreeAction.Discard)] = DecreeStatus.Draft,
        [(DecreeStatus.Signed, DecreeAction.Publish)] = DecreeStatus.Published,
        [(DecreeStatus.Signed, DecreeAction.Amend)] = DecreeStatus.Signed,
        [(DecreeStatus.Published, DecreeAction.Amend)] = DecreeStatus.Published,
    };

    [Fact]
    public void EveryDecreeTransition_ForEveryRole()
    {
        foreach (var role in RoleNames.All)
        {
            foreach (var status in Enum.GetValues<DecreeStatus>())
            {
                foreach (var action in Enum.GetValues<DecreeAction>())
                {
                    var result = DecreeLifecycle.Decide(status, action, role.IsDepartmentRole() ? [role] : []);
                    var mayAct = role is Role.Administrator or Role.PolicyOfficer;
                    if (!mayAct)
                    {
                        Assert.Equal(ErrorKind.Forbidden, Assert.Single(result.Errors).Kind);
                    }
                    else if (DecreeSteps.TryGetValue((status, action), out var to))
                    {
                        Assert.True(result.IsSuccess, $"{role} {status} {action}");
                        Assert.Equal(to, result.Value);
                    }
                    else
                    {
                        var error = Assert.Single(result.Errors);
                        Assert.Equal((ErrorKind.Conflict, "status"), (error.Kind, error.Code));
                    }
                }
            }
        }
    }

    private static readonly Dictionary<(PaymentStatus, PaymentAction), PaymentStatus> PaymentSteps = new()
    {
        [(PaymentStatus.Planned, PaymentAction.Edit)] = PaymentStatus.Planned,
        [(PaymentStatus.Planned, PaymentAction.Propose)] = PaymentStatus.Proposed,
        [(PaymentStatus.Failed, PaymentAction.Propose)] = PaymentStatus.Proposed,
        [(PaymentStatus.Proposed, PaymentAction.Approve)] = PaymentStatus.Approved,
        [(PaymentStatus.Proposed, PaymentAction.Return)] = PaymentStatus.Planned,
        [(PaymentStatus.Approved, PaymentAction.Return)] = PaymentStatus.Planned,
        [(PaymentStatus.Approved, PaymentAction.Order)] = PaymentStatus.Ordered,
        [(PaymentStatus.Ordered, PaymentAction.MarkPaid)] = PaymentStatus.Paid,
        [(PaymentStatus.Ordered, PaymentAction.MarkFailed)] = PaymentStatus.Failed,
    };

    [Fact]
    public void EveryPaymentTransition_ForEveryRole_AndFourEyes()
    {
        var proposer = Guid.NewGuid();
        var colleague = Guid.NewGuid();
        foreach (var role in RoleNames.All)
        {
            foreach (var status in Enum.GetValues<PaymentStatus>())
            {
                foreach (var action in Enum.GetValues<PaymentAction>())
                {
                    var result = PaymentLifecycle.Decide(status, action, role.IsDepartmentRole() ? [role] : [], colleague, proposer);
                    if (!role.IsDepartmentRole())
                    {
                        Assert.Equal(ErrorKind.Forbidden, Assert.Single(result.Errors).Kind);
                    }
                    else if (PaymentSteps.TryGetValue((status, action), out var to))
                    {
                        Assert.True(result.IsSuccess, $"{role} {status} {action}");
                        Assert.Equal(to, result.Value);
                    }
                    else
                    {
                        Assert.Equal(ErrorKind.Conflict, Assert.Single(result.Errors).Kind);
                    }
                }
            }

            if (role.IsDepartmentRole())
            {
                var own = PaymentLifecycle.Decide(PaymentStatus.Proposed, PaymentAction.Approve, [role], proposer, proposer);
                Assert.Contains("Vier ogen", Assert.Single(own.Errors).Message.Nl, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AReclaim_IsEverythingPaidByDefault_LessIsTakenFromTheLatestYear_AndNeverMoreThanPaid()
    {
        var paid = new List<(int, Money)> { (2023, Money.FromEuros(100)), (2024, Money.FromEuros(50)) };
        Assert.Equal([(2023, Money.FromEuros(100)), (2024, Money.FromEuros(50))], ReclaimRules.Split(paid, null).Value!);
        Assert.Equal([(2023, Money.FromEuros(20)), (2024, Money.FromEuros(50))], ReclaimRules.Split(paid, Money.FromEuros(70)).Value!);
        Assert.Equal(Rules.R16, Assert.Single(ReclaimRules.Split(paid, new Money(15_001)).Errors).Code);
        Assert.Equal(Rules.R16, Assert.Single(ReclaimRules.Split([], null).Errors).Code);

        Gen.Select(Gen.Long[0, 10_000_000].Array[1, 3], Gen.Long[1, 30_000_000]).Sample((years, wanted) =>
        {
            var list = years.Select((c, i) => (2023 + i, new Money(c))).ToList();
            var split = ReclaimRules.Split(list, new Money(wanted));
            var total = years.Sum();
            Assert.Equal(wanted <= total && total > 0, split.IsSuccess);
            if (split.IsSuccess)
            {
                Assert.Equal(wanted, split.Value!.Sum(s => s.Amount.Cents));
                Assert.All(split.Value!, s => Assert.True(s.Amount <= list.Single(l => l.Item1 == s.Year).Item2));
            }
        });
    }

    [Fact]
    public void Repayments_FillTheReclaimedYearsInOrder_AndTheWriteOffTheRest()
    {
        var years = new List<(int, Money)> { (2023, Money.FromEuros(100)), (2024, Money.FromEuros(50)) };
        var per = ReclaimRules.PerYear(7, years, Money.FromEuros(120), Money.FromEuros(30));
        Assert.Equal([new LedgerReclaim(2023, 7, Money.FromEuros(100), Money.FromEuros(100), Money.Zero), new LedgerReclaim(2024, 7, Money.FromEuros(50), Money.FromEuros(20), Money.FromEuros(30))], per);
        Assert.Equal(ReclaimStatus.Claimed, Enum.GetValues<ReclaimStatus>().Single(s => !ReclaimRules.Allows(s, ReclaimAction.Claim) && ReclaimRules.Allows(s, ReclaimAction.Repay)));
        Assert.NotNull(ReclaimRules.Check(ReclaimStatus.PaidBack, ReclaimAction.Repay));
    }
}
