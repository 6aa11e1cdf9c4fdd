using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Browser;

/// <summary>
/// Issue 8 in Debian's Chromium on real Kestrel: a regisseur drafts with autosave, a second browser edits the same
/// action and sees the conflict, the signatory submits and gets the receipt, the case handler asks for changes, the
/// partnership resubmits, the case handler approves, and the allocation counts it; axe-core on every page. And one
/// journey with JavaScript switched off, from a new dossier to its submission.
/// </summary>
public sealed partial class ApplicationJourneyTests
{
    [Fact]
    public async Task ADossier_WithAutosaveAndAConflict_FromDraftToApproval_AndTheAllocationCountsIt()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own).ExtendedUntil(new DateOnly(2025, 6, 30)).Complete());
        var violations = new List<string>();
        await using var regisseurContext = await chromium.NewContextAsync(address, $"Regisseur:{own}");
        await using var signatoryContext = await chromium.NewContextAsync(address, $"Signatory:{own}");
        await using var caseHandlerContext = await chromium.NewContextAsync(address, "CaseHandler");
        var regisseur = await regisseurContext.NewPageAsync();
        var signatory = await signatoryContext.NewPageAsync();
        var caseHandler = await caseHandlerContext.NewPageAsync();
        var dossierUrl = $"/Applications/{dossier.Id}";

        // The regisseur opens the dossier, its plan and an action; the draft saves itself while she types.
        await regisseur.GotoAsync("/Applications");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        await regisseur.GotoAsync(dossierUrl);
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        await regisseur.GotoAsync(dossierUrl + "/Plan");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        var actionUrl = await regisseur.Locator("article.action h5 a").First.GetAttributeAsync("href");
        await regisseur.GotoAsync(actionUrl!);
        await regisseur.ArriveAsync(actionUrl!);
        violations.AddRange(await Axe.ViolationsAsync(regisseur));

        // The signatory opens the same action in another browser before she types.
        await signatory.GotoAsync(actionUrl!);
        await signatory.ArriveAsync(actionUrl!);

        await regisseur.GetByLabel("Actie commentaar").FillAsync("Resultaat: 40 deelnemers aan de meet & greet");
        await Assertions.Expect(regisseur.Locator("#autosave-status")).ToContainTextAsync("Automatisch bewaard", new() { Timeout = 60_000 });

        // The signatory changes the same field and saves: both versions side by side; she keeps hers.
        await signatory.GetByLabel("Actie commentaar").FillAsync("Resultaat: 35 bedrijven bereikt");
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(signatory.Locator("#conflict table.side-by-side")).ToContainTextAsync("40 deelnemers", new() { Timeout = 60_000 });
        violations.AddRange(await Axe.ViolationsAsync(signatory));
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await signatory.ArriveAsync(dossierUrl + "/Plan");
        Assert.Contains("35 bedrijven", await signatory.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The information form saves itself too, and a reload shows what was saved.
        await regisseur.GotoAsync(dossierUrl + "/Information");
        await regisseur.ArriveAsync(dossierUrl + "/Information");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        await regisseur.Locator("#Input_RegisseurPhone").FillAsync("09 765 43 21");
        await Assertions.Expect(regisseur.Locator("#autosave-status")).ToContainTextAsync("Automatisch bewaard", new() { Timeout = 60_000 });
        await regisseur.ReloadAsync();
        await Assertions.Expect(regisseur.Locator("#Input_RegisseurPhone")).ToHaveValueAsync("09 765 43 21");

        // The commitment statements, as pages.
        await regisseur.GotoAsync(dossierUrl + "/Commitment");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));
        await regisseur.GotoAsync(dossierUrl + "/Commitment/Statement");
        violations.AddRange(await Axe.ViolationsAsync(regisseur));

        // The signatory submits and gets the receipt.
        await signatory.GotoAsync(dossierUrl + "/Submit");
        await signatory.ArriveAsync(dossierUrl + "/Submit");
        violations.AddRange(await Axe.ViolationsAsync(signatory));
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Dossier indienen" }).ClickAsync();
        await signatory.ArriveAsync(dossierUrl + "/Versions/1?submitted=true");
        violations.AddRange(await Axe.ViolationsAsync(signatory));
        Assert.Matches(Sha256(), await signatory.Locator("#receipt code.hash").InnerTextAsync());

        // The case handler reviews and asks for changes.
        await caseHandler.GotoAsync("/Applications?status=submitted");
        violations.AddRange(await Axe.ViolationsAsync(caseHandler));
        await caseHandler.GotoAsync(dossierUrl + "/Review");
        await caseHandler.ArriveAsync(dossierUrl + "/Review");
        violations.AddRange(await Axe.ViolationsAsync(caseHandler));
        await caseHandler.Locator("#check-R11-clarity").GetByLabel("Oordeel").First.SelectOptionAsync("insufficient");
        await caseHandler.Locator("#check-R11-clarity").GetByLabel("Toelichting").FillAsync("Actie 1: welke rol neemt de regisseur op?");
        await caseHandler.Locator("#check-R11-clarity").GetByRole(AriaRole.Button).ClickAsync();
        await caseHandler.ArriveAsync(dossierUrl + "/Review?done=check");
        await caseHandler.GetByLabel("Aanpassing vragen").CheckAsync();
        await caseHandler.GetByLabel("Motivering", new() { Exact = true }).First.FillAsync("De rol van de regisseur in actie 1 is niet duidelijk.");
        await caseHandler.GetByLabel("Aan te passen (bij een vraag om aanpassing; één punt per regel)").FillAsync("Actie 1: beschrijf de rol van de regisseur");
        await caseHandler.GetByLabel("Antwoord tegen").FillAsync("2025-06-20");
        await caseHandler.GetByRole(AriaRole.Button, new() { Name = "Beslissing bewaren" }).ClickAsync();
        await caseHandler.ArriveAsync(dossierUrl + "/Decisions/");
        violations.AddRange(await Axe.ViolationsAsync(caseHandler));

        // The partnership changes the action and resubmits; the case handler sees what changed, and approves.
        await regisseur.GotoAsync(actionUrl!);
        await regisseur.ArriveAsync(actionUrl!);
        await regisseur.GetByLabel("Actie lange omschrijving (R11)").FillAsync("<p>De regisseur trekt de actie en nodigt de bedrijven uit.</p>");
        await regisseur.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await regisseur.ArriveAsync(dossierUrl + "/Plan");
        await signatory.GotoAsync(dossierUrl + "/Submit");
        await signatory.ArriveAsync(dossierUrl + "/Submit");
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Dossier indienen" }).ClickAsync();
        await signatory.ArriveAsync(dossierUrl + "/Versions/2?submitted=true");

        await caseHandler.GotoAsync(dossierUrl + "/Diff");
        await caseHandler.ArriveAsync(dossierUrl + "/Diff");
        violations.AddRange(await Axe.ViolationsAsync(caseHandler));
        Assert.Contains(await caseHandler.Locator("table.diff ins").AllInnerTextsAsync(), t => t.Contains("nodigt", StringComparison.Ordinal));
        await caseHandler.GotoAsync(dossierUrl + "/Review");
        await caseHandler.ArriveAsync(dossierUrl + "/Review");
        await caseHandler.GetByLabel("Goedkeuren").CheckAsync();
        await caseHandler.GetByLabel("Motivering", new() { Exact = true }).First.FillAsync("Volledig en helder.");
        await caseHandler.GetByRole(AriaRole.Button, new() { Name = "Beslissing bewaren" }).ClickAsync();
        await caseHandler.ArriveAsync(dossierUrl + "/Decisions/");

        // The allocation now rests on the approved applications: Scheldeland alone gets the budget.
        await caseHandler.GotoAsync("/Allocation");
        await caseHandler.ArriveAsync("/Allocation");
        violations.AddRange(await Axe.ViolationsAsync(caseHandler));
        Assert.Contains("goedgekeurde aanvragen", await caseHandler.Locator("#basis").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await caseHandler.Locator("table#allocation tbody tr").CountAsync());
        Assert.Contains(DemoAccounts.ScheldelandName, await caseHandler.Locator("table#allocation tbody").InnerTextAsync(), StringComparison.Ordinal);

        await caseHandler.GotoAsync("/Applications/Overview");
        violations.AddRange(await Axe.ViolationsAsync(caseHandler));
        await caseHandler.GotoAsync(dossierUrl + "/History");
        violations.AddRange(await Axe.ViolationsAsync(caseHandler));

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} accessibility violation(s):\n\n{string.Join("\n\n", violations)}");
    }

    [Fact]
    public async Task WithoutJavaScript_ADossierIsStarted_Drafted_AndSubmitted()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var own = await app.ScheldelandAsync();
        await using var regisseurContext = await chromium.NewContextAsync(address, $"Regisseur:{own}", javaScript: false);
        await using var signatoryContext = await chromium.NewContextAsync(address, $"Signatory:{own}", javaScript: false);
        await using var caseHandlerContext = await chromium.NewContextAsync(address, "CaseHandler", javaScript: false);
        var regisseur = await regisseurContext.NewPageAsync();

        // Start from the list.
        await regisseur.GotoAsync("/Applications");
        await regisseur.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Aanvraagdossier starten voor") }).ClickAsync();
        await regisseur.ArriveAsync($"/Applications/Start/{own}");
        await regisseur.GetByRole(AriaRole.Button, new() { Name = "Dossier starten" }).ClickAsync();
        await regisseur.ArriveAsync(new Regex("^/Applications/[0-9]+$"));
        var dossierUrl = new Uri(regisseur.Url).AbsolutePath;

        // The information form.
        await regisseur.GotoAsync(dossierUrl + "/Information");
        await regisseur.ArriveAsync(dossierUrl + "/Information");
        await regisseur.Locator("#Input_BbcUser").GetByLabel("ja").CheckAsync();
        await regisseur.GetByLabel("KBO-nummer van de begunstigde").FillAsync("0316.381.039");
        await regisseur.GetByLabel("Rekeningnummer (IBAN) van de begunstigde").FillAsync("BE68 5390 0754 7034");
        await regisseur.Locator("#Input_WijkWerken").GetByLabel("nee").CheckAsync();
        await regisseur.Locator("#Input_RegisseurName").FillAsync("Rita Regisseur");
        await regisseur.Locator("#Input_RegisseurEmail").FillAsync("rita@scheldeland.test");
        await regisseur.Locator("#Input_SignatoryName").FillAsync("Olivier Ondertekenaar");
        await regisseur.Locator("#Input_SignatoryEmail").FillAsync("olivier@scheldeland.test");
        await regisseur.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await regisseur.ArriveAsync(dossierUrl + "/Information?saved=true");

        // The plan, uploaded as a file.
        await regisseur.GotoAsync(dossierUrl + "/Plan");
        await regisseur.ArriveAsync(dossierUrl + "/Plan");
        await regisseur.GetByLabel("Plan inlezen (vervangt alle acties)").SetInputFilesAsync(new FilePayload { Name = "plan.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Plan()) });
        await regisseur.GetByRole(AriaRole.Button, new() { Name = "Inlezen", Exact = true }).ClickAsync();
        await Assertions.Expect(regisseur.Locator("[role=status]")).ToContainTextAsync("4 acties", new() { Timeout = 60_000 });

        // An action through its form (no autosave: the Save button).
        var actionUrl = await regisseur.Locator("article.action h5 a").First.GetAttributeAsync("href");
        await regisseur.GotoAsync(actionUrl!);
        await regisseur.ArriveAsync(actionUrl!);
        await regisseur.GetByLabel("Actie commentaar").FillAsync("Zonder JavaScript bewaard");
        await regisseur.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await regisseur.ArriveAsync(dossierUrl + "/Plan");
        Assert.Contains("Zonder JavaScript bewaard", await regisseur.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // 1 June 2025: the case handler records an extension on the review page.
        var caseHandler = await caseHandlerContext.NewPageAsync();
        await caseHandler.GotoAsync(dossierUrl + "/Review");
        await caseHandler.ArriveAsync(dossierUrl + "/Review");
        await caseHandler.GetByLabel("Indienen kan tot en met").FillAsync("2025-06-30");
        await caseHandler.Locator("#Input_ExtensionMotivation").FillAsync("Dossier na de indiendatum (test)");
        await caseHandler.GetByRole(AriaRole.Button, new() { Name = "Uitstel bewaren" }).ClickAsync();
        await caseHandler.ArriveAsync(dossierUrl + "/Review?done=extension");

        // The signatory submits.
        var signatory = await signatoryContext.NewPageAsync();
        await signatory.GotoAsync(dossierUrl + "/Submit");
        await signatory.ArriveAsync(dossierUrl + "/Submit");
        await signatory.GetByRole(AriaRole.Button, new() { Name = "Dossier indienen" }).ClickAsync();
        await signatory.ArriveAsync(dossierUrl + "/Versions/1?submitted=true");
        Assert.Matches(Sha256(), await signatory.Locator("#receipt code.hash").InnerTextAsync());
    }

    private static string Plan()
    {
        var text = new StringBuilder("Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025\n");
        foreach (var code in PriorityCodes)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Actie {code};<p>Wat en waarom, rol van de regisseur.</p>;;{code};1.000,00;1.000,00;1.000,00\n");
        }

        return text.ToString();
    }

    private static readonly string[] PriorityCodes = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];


    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
