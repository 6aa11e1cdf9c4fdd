using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Documents;
using Regiekamer.Core.Common;
using Regiekamer.Core.Tests.Documents;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Applications;

/// <summary>The dossier's documents read back from their PDFs: receipt, commitment statement, version, decision letter, review.</summary>
public sealed class DocumentsTests
{
    private static readonly DateTimeOffset Now = new(2023, 3, 1, 10, 30, 0, TimeSpan.FromHours(1));

    private static string Text(byte[] pdf) => string.Join("\n", PdfText.Read(pdf).AllLines);

    // ---- receipt ------------------------------------------------------------------------------------------------

    [Fact]
    public void Receipt_ShowsTheDossierNumber_TheBrusselsTime_AndTheWholeHash()
    {
        var v = Dossiers.Submitted();

        var text = Text(ReceiptPdf.Create(v.Receipt, v.Content));

        Assert.StartsWith("Ontvangstbewijs", text, StringComparison.Ordinal);
        Assert.Contains("Dossiernummer: RK-2023-0007", text, StringComparison.Ordinal);
        Assert.Contains("Versie: 1 (het dossiernummer blijft hetzelfde voor elke versie)", text, StringComparison.Ordinal);
        Assert.Contains("Lokaal regieverband: Regie Durmeland (interlokale vereniging)", text, StringComparison.Ordinal);
        Assert.Contains("Oproep: 2023-2025, oproepversie 1", text, StringComparison.Ordinal);
        Assert.Contains("Ingediend op: 15/01/2023 om 14:05 (Brusselse tijd)", text, StringComparison.Ordinal);
        Assert.Contains("Uitstel: Nee, ingediend binnen de termijn van de oproep (uiterste indieningsdatum 15/01/2023)", text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(DocumentText.Hash(v.Receipt.Sha256), text, StringComparison.Ordinal);
        Assert.Equal(64, v.Receipt.Sha256.Length);
        Assert.Contains("sha256sum inhoud.json", text, StringComparison.Ordinal);
        Assert.Contains("Niet in de vingerafdruk: het tijdstip van indiening en de contactgegevens", text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_SummarisesThePlan_ActionsPerPriorityAndYear_AndTotalsInBelgianFormat()
    {
        var v = Dossiers.Submitted();

        var lines = PdfText.Read(ReceiptPdf.Create(v.Receipt, v.Content)).AllLines.ToList();

        Assert.Contains("• Het meerjarenplan 2023-2025 met 11 acties.", lines);
        Assert.Contains("• 4 verbintenisverklaringen van de deelnemende gemeenten.", lines);
        Assert.Contains(lines, l => l.StartsWith("WSE-LR1: de lokale regierol sociale economie en werk", StringComparison.Ordinal) && l.EndsWith("4 4 4", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("WSE-LR2:", StringComparison.Ordinal) && l.EndsWith("3 3 3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("WSE-LR4:", StringComparison.Ordinal) && l.EndsWith("2 2 2", StringComparison.Ordinal));
        // 49.000,00 a year in the annex, and 1.234,56 more in 2025 on the last action
        Assert.Contains("Totaal gepland bedrag (€) 49.000,00 49.000,00 50.234,56", lines);
    }

    [Fact]
    public void Receipt_CarriesTheDossierNumberAndHash_InTheFooterOfEveryPage()
    {
        var v = Dossiers.Submitted();

        var pdf = PdfText.Read(ReceiptPdf.Create(v.Receipt, v.Content));

        Assert.All(pdf.Pages, page => Assert.Contains(
            $"RK-2023-0007 · versie 1 · SHA-256 {v.Receipt.Sha256}",
            string.Join(" ", page.TakeLast(3).Select(l => l.Text)),
            StringComparison.Ordinal));
        Assert.Equal("Ontvangstbewijs RK-2023-0007, versie 1", pdf.Information.Title);
    }

    [Fact]
    public void Receipt_UnderAnExtension_SaysSo_AndSummerTimeIsTwoHoursAheadOfUtc()
    {
        var v = Dossiers.Submitted(submittedUtc: new DateTime(2023, 7, 3, 21, 59, 0, DateTimeKind.Utc), underExtension: true);

        var text = Text(ReceiptPdf.Create(v.Receipt, v.Content));

        Assert.Contains("Ingediend op: 03/07/2023 om 23:59 (Brusselse tijd)", text, StringComparison.Ordinal);
        Assert.Contains("Uitstel: Ja, ingediend na de uiterste indieningsdatum van de oproep (15/01/2023)", text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_IsTheSameBytes_ForTheSameVersion()
    {
        var v = Dossiers.Submitted();

        Assert.Equal(ReceiptPdf.Create(v.Receipt, v.Content), ReceiptPdf.Create(v.Receipt, v.Content));
    }

    [Fact]
    public void Receipt_OfOneVersion_WithTheContentOfAnother_IsABug()
    {
        var v = Dossiers.Submitted();

        Assert.Throws<ArgumentException>(() => ReceiptPdf.Create(v.Receipt, Dossiers.Content(version: 2)));
    }

    // ---- commitment statement ------------------------------------------------------------------------------------

    [Fact]
    public void CommitmentStatement_NamesThePartnership_EveryMember_ThePeriod_AndTheManagingMunicipality()
    {
        var statement = CommitmentStatementText.For(Dossiers.Durmeland(), Dossiers.Call);
        var text = statement.ToPlainText();

        Assert.Contains("Lokaal regieverband: Regie Durmeland", text, StringComparison.Ordinal);
        Assert.Contains("Rechtsvorm: Interlokale vereniging", text, StringComparison.Ordinal);
        Assert.Contains("Beherende gemeente: Zele (NIS-code 42028)", text, StringComparison.Ordinal);
        Assert.Contains("Periode: 2023-2025", text, StringComparison.Ordinal);
        Assert.Contains("• Berlare (NIS-code 42003)", text, StringComparison.Ordinal);
        Assert.Contains("De ondergetekende lokale besturen verklaren:", text, StringComparison.Ordinal);
        Assert.Contains("akkoord te gaan dat het lokale regieverband Regie Durmeland de lokale regierol sociale economie en werk opneemt voor de periode 2023-2025", text, StringComparison.Ordinal);
        Assert.Contains("akkoord te gaan dat Zele (NIS-code 42028) de beherende gemeente van de interlokale vereniging is", text, StringComparison.Ordinal);
        Assert.Contains("en ontvangt als begunstigde de subsidies", text, StringComparison.Ordinal);
        Assert.Contains("de interlokale vereniging zelf bepaalt hoe die subsidies onderling worden verdeeld en ingezet", text, StringComparison.Ordinal);
        Assert.Equal(["42003", "42008", "42023", "42028"], statement.Members.Select(m => m.NisCode));
    }

    [Fact]
    public void CommitmentStatementPdf_PrintsTheSameText_WithAPlaceToSignForEveryMember()
    {
        var statement = CommitmentStatementText.For(Dossiers.Durmeland(), Dossiers.Call);

        var pdf = PdfText.Read(CommitmentStatementPdf.Create(statement, Now));
        var text = string.Join("\n", pdf.AllLines);
        var flowing = text.Replace("\n", " ", StringComparison.Ordinal);

        Assert.Equal("Verbintenisverklaring Regie Durmeland", pdf.Information.Title);
        Assert.Contains("Beherende gemeente: Zele (NIS-code 42028)", text, StringComparison.Ordinal);
        foreach (var block in statement.Sections.SelectMany(s => s.Blocks))
        {
            Assert.Contains(block.Text, flowing, StringComparison.Ordinal);
        }

        foreach (var member in statement.Members)
        {
            Assert.Contains(pdf.AllLines, l => l.StartsWith(member.Name + " ", StringComparison.Ordinal) && l.Contains("Naam:", StringComparison.Ordinal));
            Assert.Contains($"NIS-code {member.NisCode}", text, StringComparison.Ordinal);
        }

        Assert.Equal(2 * 4, pdf.AllLines.Sum(l => CountOf(l, "Handtekening:")));
        Assert.Equal(2 * 4, pdf.AllLines.Sum(l => CountOf(l, "Functie:")));
    }

    [Fact]
    public void CommitmentStatement_OfAWelfareAssociation_NamesNoManagingMunicipality()
    {
        var text = CommitmentStatementText.For(Dossiers.Durmeland("welfare-association", managing: null), Dossiers.Call).ToPlainText();

        Assert.Contains("Rechtsvorm: Welzijnsvereniging", text, StringComparison.Ordinal);
        Assert.DoesNotContain("beherende", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CommitmentStatement_OfAnInterlocalAssociationWithoutAManagingMunicipality_LeavesItsNameToBeFilledIn()
    {
        var text = CommitmentStatementText.For(Dossiers.Durmeland(managing: null), Dossiers.Call).ToPlainText();

        Assert.Contains($"Beherende gemeente: {CommitmentStatementText.Blank}", text, StringComparison.Ordinal);
        Assert.Contains($"akkoord te gaan dat {CommitmentStatementText.Blank} de beherende gemeente", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CommitmentStatement_OfOneMunicipality_SpeaksOfOne()
    {
        var text = CommitmentStatementText.For(Dossiers.Durmeland("central-city", null, new ContentMember("46021", "Sint-Niklaas")), Dossiers.Call).ToPlainText();

        Assert.Contains("Het ondergetekende lokale bestuur verklaart:", text, StringComparison.Ordinal);
        Assert.Contains("Aan het lokale regieverband Regie Durmeland neemt de volgende gemeente deel:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("elk van hen", text, StringComparison.Ordinal);
    }

    // ---- version ----------------------------------------------------------------------------------------------------

    [Fact]
    public void VersionPdf_ShowsThePartnership_AndTheInformationForm_InTheirDisplayFormats()
    {
        var v = Dossiers.Submitted();

        var text = Text(VersionPdf.Create(v.Content, v.Receipt));

        Assert.Contains("Aanvraag RK-2023-0007 – versie 1", text, StringComparison.Ordinal);
        Assert.Contains("Ingediend op: 15/01/2023 om 14:05 (Brusselse tijd)", text, StringComparison.Ordinal);
        Assert.Contains("Status: Bestaand, gewijzigd", text, StringComparison.Ordinal);
        Assert.Contains("Beherende gemeente: Zele (NIS-code 42028)", text, StringComparison.Ordinal);
        Assert.Contains("Zele 42028 beherende gemeente", text, StringComparison.Ordinal);
        Assert.Contains("Waasmunster 42023 lid", text, StringComparison.Ordinal);
        Assert.Contains("Uitbreiding met Berlare en Waasmunster.", text, StringComparison.Ordinal);
        Assert.Contains("KBO-nummer van de begunstigde: 0316.381.039", text, StringComparison.Ordinal);
        Assert.Contains("Rekeningnummer (IBAN): BE68 5390 0754 7034", text, StringComparison.Ordinal);
        Assert.Contains("Werkt met BBC: ja", text, StringComparison.Ordinal);
        Assert.Contains("Zele_gemeenteraad.pdf", text, StringComparison.Ordinal);
        Assert.Contains(Dossiers.Sha("zele"), text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("15/12/2022", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionPdf_GroupsThePlan_ByPolicyGoalActionPlanAndAction_WithDescriptionsAsText()
    {
        var v = Dossiers.Submitted();

        var lines = PdfText.Read(VersionPdf.Create(v.Content, v.Receipt)).AllLines.ToList();
        var text = string.Join("\n", lines);

        int At(string line) => lines.FindIndex(l => l.StartsWith(line, StringComparison.Ordinal));
        Assert.True(At("4.1 Beleidsdoelstelling: De lokale regierol opnemen") >= 0);
        Assert.True(At("4.1 Beleidsdoelstelling") < At("4.1.1 Actieplan: Regie en omgevingsanalyse"));
        Assert.True(At("4.1.1 Actieplan") < At("Actie 1: Concrete actie: In dienst nemen of houden van de regisseur"));
        Assert.True(At("Actie 2:") < At("4.1.2 Actieplan: Netwerking"));
        Assert.True(At("4.3 Beleidsdoelstelling: Sociaal ondernemen") < At("Actie 8: Concrete actie: voedselhervdeling"));
        Assert.True(At("4.4 Beleidsdoelstelling: Samenwerken met VDAB") < At("Actie 11:"));
        Assert.Equal(-1, At("4.3.1"));
        Assert.Contains("Jaarlijkse personeelskosten regisseur voor de periode 2023-2025", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", text, StringComparison.Ordinal);
        Assert.Contains("Resultaat 2022: 40 deelnemers, 12 nieuwe samenwerkingen.", text, StringComparison.Ordinal);
        Assert.Contains("WSE-LR1 35.000,00 35.000,00 35.000,00", lines);
        Assert.Contains("WSE-LR4 500,00 500,00 1.734,56", lines);
    }

    [Fact]
    public void VersionPdf_EndsWithTheTotalsPerPriorityAndYear_AndTheReferenceData()
    {
        var v = Dossiers.Submitted();

        var lines = PdfText.Read(VersionPdf.Create(v.Content, v.Receipt)).AllLines.ToList();

        Assert.Contains(lines, l => l.StartsWith("WSE-LR1:", StringComparison.Ordinal) && l.EndsWith("41.000,00 (4) 41.000,00 (4) 41.000,00 (4) 123.000,00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("WSE-LR4:", StringComparison.Ordinal) && l.EndsWith("500,00 (2) 500,00 (2) 1.734,56 (2) 2.734,56", StringComparison.Ordinal));
        Assert.Contains("Totaal 49.000,00 49.000,00 50.234,56 148.234,56", lines);
        Assert.Contains(lines, l => l.StartsWith("Werkzoekenden Niet-werkende werkzoekenden, jaargemiddelde 2022", StringComparison.Ordinal) && l.EndsWith("31/12/2022", StringComparison.Ordinal));
        Assert.Contains("(deels geraamd)", lines);
    }

    [Fact]
    public void VersionPdf_OfAnExistingUnchangedPartnership_SaysNoStatementIsNeeded()
    {
        var partnership = Dossiers.Durmeland() with { Status = "existing", ChangeMotivation = null };
        var v = Dossiers.Submitted(Dossiers.Content(partnership: partnership, commitments: []));

        var text = Text(VersionPdf.Create(v.Content, v.Receipt)).Replace("\n", " ", StringComparison.Ordinal);

        Assert.Contains("Geen: voor een bestaand, ongewijzigd lokaal regieverband is een verbintenisverklaring niet van toepassing.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Motivering van de wijziging", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionPdf_PrintsTextsItsFontLacks_AndWordsWiderThanALine_WithoutFailing()
    {
        var odd = new ContentAction(1, 1, "Doel 🎯 目标", null, "Actie\u0000 met ‘tekens’ – € 😀", "<p>" + new string('x', 600) + "</p><script>alert(1)</script>", "Zie https://www.vlaanderen.be/" + new string('a', 300), "WSE-LR1", new Dictionary<string, string> { ["2023"] = "-10.50", ["2026"] = "5.00" });
        var v = Dossiers.Submitted(Dossiers.Content() with { Actions = [odd] });

        var text = Text(VersionPdf.Create(v.Content, v.Receipt));

        Assert.Contains("WSE-LR1 -10,50 – –", text, StringComparison.Ordinal);
        Assert.Contains("Bedragen buiten de periode van de oproep: 2026: 5,00.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
    }

    // ---- decision letter ----------------------------------------------------------------------------------------

    private static ApplicationDecision Decision(DecisionKind kind, string motivation, string? rules = null, string? points = null, DateOnly? due = null) => new()
    {
        Id = 1,
        ApplicationId = Dossiers.ApplicationId,
        VersionNumber = 1,
        Kind = kind,
        Motivation = motivation,
        Rules = rules,
        Points = points,
        ResponseDue = due,
        DecidedAtUtc = new DateTime(2023, 3, 31, 22, 30, 0, DateTimeKind.Utc), // 1 April 00:30 in Brussels (summer time)
    };

    [Fact]
    public void DecisionLetter_ForARejection_NamesTheRulesWithTheirTitles_AndTheLegalFramework()
    {
        var v = Dossiers.Submitted();
        var decision = Decision(DecisionKind.Reject, "De opsplitsing is niet gemotiveerd.\nIn 2024 ontbreekt een actie voor WSE-LR3.", rules: "R6;R10");

        var text = Text(DecisionLetterPdf.Create(decision, v.Content, v.Receipt));

        Assert.Contains("Beslissing over uw aanvraag: afgewezen", text, StringComparison.Ordinal);
        Assert.Contains("Dossiernummer: RK-2023-0007", text, StringComparison.Ordinal);
        Assert.Contains("Regieverband: Regie Durmeland (interlokale vereniging)", text, StringComparison.Ordinal);
        Assert.Contains("t.a.v. de beherende gemeente Zele", text, StringComparison.Ordinal);
        Assert.Contains("Versie: 1, ingediend op 15/01/2023 om 14:05 (Brusselse tijd)", text, StringComparison.Ordinal);
        Assert.Contains("SHA-256: " + DocumentText.Hash(v.Receipt.Sha256), text, StringComparison.Ordinal);
        Assert.Contains("Datum van de beslissing: 01/04/2023", text, StringComparison.Ordinal);
        Assert.Contains("De opsplitsing is niet gemotiveerd.", text, StringComparison.Ordinal);
        Assert.Contains("In 2024 ontbreekt een actie voor WSE-LR3.", text, StringComparison.Ordinal);
        Assert.Contains("• R6: Geen versnippering: opsplitsingen of wijzigingen goed gemotiveerd", text, StringComparison.Ordinal);
        Assert.Contains("• R10: Minimaal één actie per beleidsprioriteit per jaar", text, StringComparison.Ordinal);
        Assert.Contains("Decreet van 17 februari 2012 betreffende de ondersteuning van het ondernemerschap", text, StringComparison.Ordinal);
        Assert.Contains("Besluit van de Vlaamse Regering tot bepaling van de lokale regierol van de gemeenten", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Aan te passen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionLetter_ForARequestForChanges_ListsThePoints_AndTheResponseDate()
    {
        var v = Dossiers.Submitted();
        var decision = Decision(DecisionKind.RequestChanges, "De aanvraag is onvolledig.", points: "Voeg een actie WSE-LR3 voor 2024 toe.\nLicht de rol van de regisseur toe bij actie 7.", due: new DateOnly(2023, 4, 30));

        var text = Text(DecisionLetterPdf.Create(decision, v.Content, v.Receipt));

        Assert.Contains("Beslissing over uw aanvraag: aanpassing gevraagd", text, StringComparison.Ordinal);
        Assert.Contains("1. Voeg een actie WSE-LR3 voor 2024 toe.", text, StringComparison.Ordinal);
        Assert.Contains("2. Licht de rol van de regisseur toe bij actie 7.", text, StringComparison.Ordinal);
        Assert.Contains("Antwoord uiterlijk op: 30/04/2023", text, StringComparison.Ordinal);
        Assert.Contains("opnieuw in te dienen uiterlijk op 30/04/2023.", text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("waarop de afwijzing steunt", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionLetter_ForAnApproval_SaysHowTheAmountsAreGranted()
    {
        var v = Dossiers.Submitted();

        var text = Text(DecisionLetterPdf.Create(Decision(DecisionKind.Approve, "De aanvraag voldoet aan de oproep."), v.Content, v.Receipt)).Replace("\n", " ", StringComparison.Ordinal);

        Assert.Contains("Beslissing over uw aanvraag: goedgekeurd", text, StringComparison.Ordinal);
        Assert.Contains("keurt versie 1 van de aanvraag van het lokale regieverband Regie Durmeland voor de oproep 2023-2025 goed", text, StringComparison.Ordinal);
        Assert.Contains("jaarlijks toegekend via een ministerieel besluit", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionLetter_OnAnotherVersion_IsABug()
    {
        var v = Dossiers.Submitted();
        var decision = Decision(DecisionKind.Approve, "Goed.");
        decision.VersionNumber = 2;

        Assert.Throws<ArgumentException>(() => DecisionLetterPdf.Create(decision, v.Content, v.Receipt));
    }

    [Fact]
    public void Rules_HaveATitle_ForEveryIdADecisionCanName()
    {
        foreach (var id in Enumerable.Range(1, 18).Select(i => $"R{i}"))
        {
            Assert.False(string.IsNullOrWhiteSpace(Rules.Title(id)?.Nl), id);
        }

        Assert.Null(Rules.Title("R19"));
        Assert.Equal(ReviewService.RuleIds("r6, R10", null), DecisionLetterPdf.RuleIds("R6;R10"));
    }

    // ---- review ---------------------------------------------------------------------------------------------------------

    [Fact]
    public void ReviewPdf_ListsEveryCheck_WithItsVerdictOrNotYet_AndTheDecisionsSoFar()
    {
        var v = Dossiers.Submitted();
        var checks = new List<ReviewCheck>
        {
            new() { ApplicationId = Dossiers.ApplicationId, VersionNumber = 1, Check = "R7b", Verdict = CheckVerdict.Sufficient, ReviewedAtUtc = new DateTime(2023, 2, 1, 9, 0, 0, DateTimeKind.Utc) },
            new() { ApplicationId = Dossiers.ApplicationId, VersionNumber = 1, Check = "R6-motivation", Verdict = CheckVerdict.Insufficient, Note = "Geen motivering voor de uitbreiding.", ReviewedAtUtc = new DateTime(2023, 2, 2, 9, 0, 0, DateTimeKind.Utc) },
        };
        var decisions = new List<ApplicationDecision> { Decision(DecisionKind.RequestChanges, "Onvolledig.", points: "Motiveer de uitbreiding.", due: new DateOnly(2023, 4, 30)) };

        var lines = PdfText.Read(ReviewPdf.Create(v.Content, v.Receipt, checks, decisions, Now)).AllLines.ToList();
        var text = string.Join("\n", lines);

        Assert.Contains("Stand op: 01/03/2023 om 10:30 (Brusselse tijd)", lines);
        Assert.Contains(lines, l => l.StartsWith("Verbintenisverklaringen van alle leden", StringComparison.Ordinal) && l.Contains(" in orde 01/02/2023", StringComparison.Ordinal));
        Assert.Contains("niet in orde", text, StringComparison.Ordinal);
        Assert.Contains("Geen motivering voor de uitbreiding.", text, StringComparison.Ordinal);
        Assert.Equal(ReviewChecks.All.Count - 2, lines.Count(l => l.Contains("nog niet beoordeeld", StringComparison.Ordinal)));
        Assert.Contains("Versie 1: aanpassing gevraagd op 01/04/2023 om 00:30", lines);
        Assert.Contains("Aan te passen: 1. Motiveer de uitbreiding.", lines);
        Assert.Contains("Antwoord uiterlijk op: 30/04/2023", lines);
    }

    [Fact]
    public void ReviewPdf_BeforeAnyCheckOrDecision_SaysNothingWasDecidedYet()
    {
        var v = Dossiers.Submitted();

        var lines = PdfText.Read(ReviewPdf.Create(v.Content, v.Receipt, [], [], Now)).AllLines.ToList();

        Assert.Equal(ReviewChecks.All.Count, lines.Count(l => l.Contains("nog niet beoordeeld", StringComparison.Ordinal)));
        Assert.Contains("Over versie 1 is nog niet beslist.", lines);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
