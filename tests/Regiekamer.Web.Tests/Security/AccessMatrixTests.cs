using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>
/// Issue 3: every page and API endpoint, walked as anonymous and as every role, with real API tokens through the
/// app's own authentication. The table below is who may get in; an endpoint missing from it (a new page or route)
/// or one without an explicit policy fails the test, so nobody adds an endpoint without deciding who may use it.
/// </summary>
public sealed class AccessMatrixTests
{
    /// <summary>Who gets in. Own*: department staff for every partnership, partnership roles only for their own.</summary>
    public enum Audience
    {
        Everyone,
        SignedIn,
        Department,
        CaseWork,
        Administrator,

        /// <summary>Ministerial decrees: administrators and policy officers.</summary>
        Decrees,
        ReadOwn,
        EditOwn,

        /// <summary>Prepare the dossier: the partnership's regisseur and signatory.</summary>
        ApplyOwn,

        /// <summary>Submit or withdraw the dossier: the partnership's signatory.</summary>
        SignOwn,
    }

    /// <summary>
    /// One request per row. {own} is the partnership the partnership roles hold; rows with {p} run twice, for
    /// their own partnership and another's. Mutating rows name things that do not exist or send bodies that fail
    /// validation, so whoever gets in changes nothing (checked at the end).
    /// </summary>
    private static readonly Probe[] Table =
    [
        // Pages: public.
        Page("/Index", "/", Audience.Everyone),
        Page("/Coverage/Index", "/Coverage", Audience.Everyone),
        Page("/Published/Index", "/Published", Audience.Everyone),
        Page("/Account/Login", "/Account/Login", Audience.Everyone),
        Page("/Account/LoginWith2fa", "/Account/LoginWith2fa", Audience.Everyone),
        Page("/Account/Logout", "/Account/Logout", Audience.Everyone),
        Page("/Account/ForgotPassword", "/Account/ForgotPassword", Audience.Everyone),
        Page("/Account/ResetPassword", "/Account/ResetPassword", Audience.Everyone),
        Page("/Account/AccessDenied", "/Account/AccessDenied", Audience.Everyone) with { Answers403 = true },
        Page("/Error", "/Error/403", Audience.Everyone) with { Answers403 = true },

        // Pages: anyone signed in.
        Page("/Account/Manage/Index", "/Account/Manage", Audience.SignedIn),
        Page("/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor", Audience.SignedIn),
        Page("/Account/Manage/Tokens", "/Account/Manage/Tokens", Audience.SignedIn),
        Page("/Municipalities/Index", "/Municipalities", Audience.SignedIn),
        Page("/Municipalities/Datasets", "/Municipalities/Datasets", Audience.SignedIn),
        Page("/Municipalities/Mergers", "/Municipalities/Mergers", Audience.SignedIn),
        Page("/Municipalities/Regions", "/Municipalities/Regions", Audience.SignedIn),
        Page("/Calls/Index", "/Calls", Audience.SignedIn),
        Page("/WhatIf/Index", "/WhatIf", Audience.SignedIn),
        Page("/WhatIf/JoinTable", "/WhatIf/JoinTable", Audience.SignedIn),
        Page("/Partnerships/Index", "/Partnerships", Audience.SignedIn),
        Page("/Notifications/Index", "/Notifications", Audience.SignedIn),

        // Pages: a partnership's own data.
        Page("/Partnerships/Details", "/Partnerships/{p}", Audience.ReadOwn),
        Page("/Partnerships/History", "/Partnerships/{p}/History", Audience.ReadOwn),
        Page("/Partnerships/Edit", "/Partnerships/{p}/Edit", Audience.EditOwn),
        Page("/Partnerships/New", "/Partnerships/New", Audience.CaseWork),

        // Pages: application dossiers ({a}: the partnership's own withdrawn dossier, or another's).
        Page("/Applications/Index", "/Applications", Audience.SignedIn),
        Page("/Applications/Start", "/Applications/Start/{p}", Audience.ApplyOwn),
        Page("/Applications/Dossier", "/Applications/{a}", Audience.ReadOwn),
        Page("/Applications/Information", "/Applications/{a}/Information", Audience.ApplyOwn),
        Page("/Applications/Commitment", "/Applications/{a}/Commitment", Audience.ReadOwn),
        Page("/Applications/Statement", "/Applications/{a}/Commitment/Statement", Audience.ReadOwn),
        Page("/Applications/Plan", "/Applications/{a}/Plan", Audience.ReadOwn),
        Page("/Applications/Action", "/Applications/{a}/Plan/Action", Audience.ApplyOwn),
        Page("/Applications/Submit", "/Applications/{a}/Submit", Audience.ReadOwn),
        Page("/Applications/Version", "/Applications/{a}/Versions/1", Audience.ReadOwn),
        Page("/Applications/Diff", "/Applications/{a}/Diff", Audience.ReadOwn),
        Page("/Applications/History", "/Applications/{a}/History", Audience.ReadOwn),
        Page("/Applications/Decision", "/Applications/{a}/Decisions/999999", Audience.ReadOwn),
        Page("/Applications/Review", "/Applications/{a}/Review", Audience.Department),
        Page("/Applications/Overview", "/Applications/Overview", Audience.Department),

        // Pages: the department.
        Page("/Eligibility/Index", "/Eligibility", Audience.Department),
        Page("/Allocation/Index", "/Allocation", Audience.Department),
        Page("/Allocation/Run", "/Allocation/Run?id=999999", Audience.Department),
        Page("/Audit/Index", "/Audit", Audience.Department),
        Page("/Audit/Export", "/Audit/Export", Audience.Department),
        Page("/Imports/Index", "/Imports", Audience.Administrator),
        Page("/Kbo/Index", "/Kbo", Audience.Administrator),
        Page("/Admin/Users/Index", "/Admin/Users", Audience.Administrator),
        Page("/Admin/Users/Edit", "/Admin/Users/Edit?id={regisseur}", Audience.Administrator),
        Page("/Admin/Persons/Index", "/Admin/Persons", Audience.Administrator),

        // Pages: grants (issue 9).
        Page("/Grants/Index", "/Grants", Audience.Department),
        Page("/Grants/Dashboard", "/Grants/Dashboard", Audience.Department),
        Page("/Grants/Decree", "/Grants/Decrees/999999", Audience.Department),
        Page("/Grants/Payments", "/Grants/Payments", Audience.Department),
        Page("/Grants/Ledger", "/Grants/Ledger", Audience.Department),
        Page("/Grants/Reclaims", "/Grants/Reclaims", Audience.Department),
        Page("/Grants/Partnership", "/Grants/Partnership/{p}", Audience.ReadOwn),

        // Pages: annual reports ({r}: the partnership's own empty report of 2023, or another's).
        Page("/Reports/Index", "/Reports", Audience.SignedIn),
        Page("/Reports/Report", "/Reports/{r}", Audience.ReadOwn),
        Page("/Actors/Index", "/Partnerships/{p}/Actors", Audience.ReadOwn),
        Page("/Actors/Details", "/Partnerships/{p}/Actors/999999", Audience.ReadOwn),
        Page("/Actors/New", "/Partnerships/{p}/Actors/New", Audience.EditOwn),
        Page("/Actors/Edit", "/Partnerships/{p}/Actors/999999/Edit", Audience.EditOwn),
        Page("/Actors/All", "/Actors", Audience.Department),
        Page("/Actors/Kinds", "/Actors/Kinds", Audience.Department),

        // Pages: a voucher scheme's controls (issue 10.6, KC9).
        Page("/VoucherControls/Index", "/Partnerships/{p}/Vouchers/999999/Controls", Audience.ReadOwn),

        // Pages: the social-procurement catalogue (issue 10.5): public search and supplier link; a partnership's services; the department's categories.
        Page("/Catalogue/Index", "/Catalogue", Audience.Everyone),
        Page("/Catalogue/Update", "/Catalogue/Update/no-such-token", Audience.Everyone),
        Page("/Catalogue/Manage", "/Catalogue/Manage/{p}", Audience.ReadOwn),
        Page("/Catalogue/New", "/Catalogue/Manage/{p}/Services/New", Audience.EditOwn),
        Page("/Catalogue/Service", "/Catalogue/Manage/{p}/Services/999999", Audience.EditOwn),
        Page("/Catalogue/Categories", "/Catalogue/Categories", Audience.Department),

        // Pages: introduction vouchers, the desk (issue 10.6): a partnership's schemes and vouchers; the department's overview.
        Page("/Vouchers/Index", "/Partnerships/{p}/Vouchers", Audience.ReadOwn),
        Page("/Vouchers/New", "/Partnerships/{p}/Vouchers/New", Audience.EditOwn),
        Page("/Vouchers/Edit", "/Partnerships/{p}/Vouchers/999999/Edit", Audience.EditOwn),
        Page("/Vouchers/Scheme", "/Partnerships/{p}/Vouchers/999999", Audience.ReadOwn),
        Page("/Vouchers/Voucher", "/Partnerships/{p}/Vouchers/999999/999999", Audience.ReadOwn),
        Page("/Vouchers/Schemes", "/Vouchers/Schemes", Audience.Department),

        // Pages: the introduction vouchers' public side (issue 10.6): open schemes, the application, and the mailed links (unknown tokens: the neutral 404).
        Page("/VoucherForms/Index", "/Vouchers", Audience.Everyone),
        Page("/VoucherForms/Apply", "/Vouchers/999999/Apply", Audience.Everyone),
        Page("/VoucherForms/Confirm", "/Vouchers/Confirm/no-such-token", Audience.Everyone),
        Page("/VoucherForms/Company", "/Vouchers/Company/no-such-token", Audience.Everyone),
        Page("/VoucherForms/Provider", "/Vouchers/Provider/no-such-token", Audience.Everyone),

        // Endpoints outside the API.
        Api("GET", "/health", "/health", Audience.Everyone),
        Api("GET", "/culture", "/culture?c=en", Audience.Everyone),
        Api("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Audience.Everyone),

        // API: public.
        Api("GET", "/api/v1/coverage", "/api/v1/coverage", Audience.Everyone),
        Api("GET", "/api/v1/published-allocations/", "/api/v1/published-allocations", Audience.Everyone),
        Api("GET", "/api/v1/published-allocations/{id:int}", "/api/v1/published-allocations/999999", Audience.Everyone),

        // The catalogue (issue 10.5): public search and categories; the department keeps the categories.
        Api("GET", "/api/v1/catalogue/", "/api/v1/catalogue", Audience.Everyone),
        Api("GET", "/api/v1/catalogue/categories", "/api/v1/catalogue/categories", Audience.Everyone),
        Api("POST", "/api/v1/catalogue/categories/", "/api/v1/catalogue/categories", Audience.Department, "{}"),
        Api("PUT", "/api/v1/catalogue/categories/{code}", "/api/v1/catalogue/categories/no-such-category", Audience.Department, "{}"),

        // The introduction vouchers' public application (issue 10.6): anonymous, rate-limited; a scheme that does not exist answers 404.
        Api("POST", "/api/v1/voucher-schemes/{schemeId:int}/applications", "/api/v1/voucher-schemes/999999/applications", Audience.Everyone, "{}"),

        // Open data (issue 9, point 7): public, like the published allocations; what is not published answers 404.
        Page("/OpenData/Decrees", "/OpenData/Decrees", Audience.Everyone),
        Page("/OpenData/DecreePdf", "/OpenData/Decrees/999999/pdf", Audience.Everyone),
        Api("GET", "/api/v1/published-decrees/", "/api/v1/published-decrees", Audience.Everyone),
        Api("GET", "/api/v1/published-decrees/{id:int}", "/api/v1/published-decrees/999999", Audience.Everyone),
        Api("GET", "/api/v1/open-data/360giving.json", "/api/v1/open-data/360giving.json", Audience.Everyone),

        // API: anyone signed in.
        Api("GET", "/api/v1/reference/datasets", "/api/v1/reference/datasets", Audience.SignedIn),
        Api("GET", "/api/v1/reference/municipalities", "/api/v1/reference/municipalities", Audience.SignedIn),
        Api("GET", "/api/v1/reference/regions", "/api/v1/reference/regions", Audience.SignedIn),
        Api("GET", "/api/v1/reference/boundaries/{set}", "/api/v1/reference/boundaries/2025", Audience.SignedIn),
        Api("GET", "/api/v1/calls/", "/api/v1/calls", Audience.SignedIn),
        Api("GET", "/api/v1/calls/{id:int}", "/api/v1/calls/{call}", Audience.SignedIn),
        Api("GET", "/api/v1/partnerships/", "/api/v1/partnerships", Audience.SignedIn),
        Api("POST", "/api/v1/what-if/", "/api/v1/what-if", Audience.SignedIn, "{}"),
        Api("GET", "/api/v1/notifications/", "/api/v1/notifications", Audience.SignedIn),
        Api("POST", "/api/v1/notifications/{notificationId:int}/read", "/api/v1/notifications/999999/read", Audience.SignedIn),

        // API: a partnership's own data.
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/", "/api/v1/partnerships/{p}", Audience.ReadOwn),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/members-2025", "/api/v1/partnerships/{p}/members-2025", Audience.ReadOwn),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/area", "/api/v1/partnerships/{p}/area", Audience.ReadOwn),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/eligibility", "/api/v1/partnerships/{p}/eligibility", Audience.ReadOwn),
        Api("PUT", "/api/v1/partnerships/{partnershipId:int}/", "/api/v1/partnerships/{p}", Audience.EditOwn, "{}"),

        // API: the department.
        Api("GET", "/api/v1/eligibility", "/api/v1/eligibility", Audience.Department),
        Api("GET", "/api/v1/allocation/", "/api/v1/allocation", Audience.Department),
        Api("GET", "/api/v1/allocation/runs", "/api/v1/allocation/runs", Audience.Department),
        Api("GET", "/api/v1/allocation/runs/{id:int}", "/api/v1/allocation/runs/999999", Audience.Department),
        Api("GET", "/api/v1/what-if/join-table", "/api/v1/what-if/join-table", Audience.Department),
        Api("GET", "/api/v1/audit/", "/api/v1/audit", Audience.Department),
        Api("GET", "/api/v1/audit/export.csv", "/api/v1/audit/export.csv", Audience.Department),
        Api("GET", "/api/v1/audit/verify", "/api/v1/audit/verify", Audience.Department),
        Api("POST", "/api/v1/partnerships/", "/api/v1/partnerships", Audience.CaseWork, "{}"),
        Api("DELETE", "/api/v1/partnerships/{partnershipId:int}/", "/api/v1/partnerships/999999", Audience.CaseWork),
        Api("POST", "/api/v1/allocation/runs", "/api/v1/allocation/runs?callId=999999", Audience.CaseWork),
        Api("DELETE", "/api/v1/allocation/runs/{id:int}", "/api/v1/allocation/runs/999999", Audience.CaseWork),
        Api("POST", "/api/v1/allocation/runs/{id:int}/publish", "/api/v1/allocation/runs/999999/publish", Audience.Administrator),
        Api("POST", "/api/v1/calls/{id:int}/versions", "/api/v1/calls/999999/versions", Audience.Administrator, "{}"),
        Api("POST", "/api/v1/imports/{kind}", "/api/v1/imports/no-such-kind", Audience.Administrator, "nis_code,value\n"),
        Api("GET", "/api/v1/kbo/{number}", "/api/v1/kbo/0207.000.078", Audience.SignedIn),
        Api("GET", "/api/v1/kbo/imports", "/api/v1/kbo/imports", Audience.Administrator),
        Api("POST", "/api/v1/kbo/imports", "/api/v1/kbo/imports", Audience.Administrator, ""),
        Api("GET", "/api/v1/persons/export", "/api/v1/persons/export?email=niemand%40example.org", Audience.Administrator),
        Api("POST", "/api/v1/persons/erase", "/api/v1/persons/erase", Audience.Administrator, "{\"email\":\"niemand@example.org\"}"),

        // API: grants (issue 9); writes name a decree or payment that does not exist, or fail validation.
        Api("GET", "/api/v1/decrees/", "/api/v1/decrees", Audience.Department),
        Api("GET", "/api/v1/decrees/{id:int}", "/api/v1/decrees/999999", Audience.Department),
        Api("POST", "/api/v1/decrees/", "/api/v1/decrees", Audience.Decrees, "{\"allocationRunId\": 999999, \"year\": 2023}"),
        Api("PUT", "/api/v1/decrees/{id:int}", "/api/v1/decrees/999999", Audience.Decrees, "{\"version\": 0}"),
        Api("PUT", "/api/v1/decrees/{id:int}/lines/{lineId:int}", "/api/v1/decrees/999999/lines/999999", Audience.Decrees, "{\"amount\": \"1\", \"version\": 0}"),
        Api("POST", "/api/v1/decrees/{id:int}/sign", "/api/v1/decrees/999999/sign", Audience.Decrees, "{\"version\": 0}"),
        Api("POST", "/api/v1/decrees/{id:int}/publish", "/api/v1/decrees/999999/publish", Audience.Decrees, "{\"version\": 0}"),
        Api("POST", "/api/v1/decrees/{id:int}/amend", "/api/v1/decrees/999999/amend", Audience.Decrees, "{\"version\": 0}"),
        Api("DELETE", "/api/v1/decrees/{id:int}", "/api/v1/decrees/999999?version=0", Audience.Decrees),
        Api("GET", "/api/v1/payments/", "/api/v1/payments", Audience.Department),
        Api("GET", "/api/v1/payments/orders", "/api/v1/payments/orders", Audience.Department),
        Api("POST", "/api/v1/payments/", "/api/v1/payments", Audience.Department, "{\"decreeLineId\": 999999}"),
        Api("PUT", "/api/v1/payments/{id:int}", "/api/v1/payments/999999", Audience.Department, "{\"version\": 0}"),
        Api("POST", "/api/v1/payments/{id:int}/steps", "/api/v1/payments/999999/steps", Audience.Department, "{\"action\": \"propose\", \"version\": 0}"),
        Api("POST", "/api/v1/payments/stops", "/api/v1/payments/stops", Audience.Department, "{\"partnershipId\": 999999}"),
        Api("GET", "/api/v1/reclaims/", "/api/v1/reclaims", Audience.Department),
        Api("POST", "/api/v1/reclaims/", "/api/v1/reclaims", Audience.Department, "{\"partnershipId\": 999999}"),
        Api("POST", "/api/v1/reclaims/{id:int}/steps", "/api/v1/reclaims/999999/steps", Audience.Department, "{\"action\": \"claim\", \"version\": 0}"),
        Api("GET", "/api/v1/ledger/", "/api/v1/ledger", Audience.Department),
        Api("GET", "/api/v1/ledger/export", "/api/v1/ledger/export", Audience.Department),
        Api("GET", "/api/v1/grants/dashboard", "/api/v1/grants/dashboard", Audience.Department),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/grants", "/api/v1/partnerships/{p}/grants", Audience.ReadOwn),

        // API: annual reports ({r}: the partnership's own empty report of 2023, or another's; writes name nothing it has or fail validation).
        Api("POST", "/api/v1/reports/", "/api/v1/reports", Audience.ApplyOwn, "{\"partnershipId\": {p}, \"year\": 1999}") with { PartnershipInBody = true },
        Api("GET", "/api/v1/reports/{reportId:int}/", "/api/v1/reports/{r}", Audience.ReadOwn),
        Api("PUT", "/api/v1/reports/{reportId:int}/actions/{actionId:int}", "/api/v1/reports/{r}/actions/999999", Audience.ApplyOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/reports/{reportId:int}/actions", "/api/v1/reports/{r}/actions", Audience.ApplyOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/reports/{reportId:int}/submit", "/api/v1/reports/{r}/submit", Audience.SignOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/reports/{reportId:int}/evaluation", "/api/v1/reports/{r}/evaluation", Audience.CaseWork, "{\"version\": 0}"),
        Api("POST", "/api/v1/reports/{reportId:int}/import", "/api/v1/reports/{r}/import", Audience.ApplyOwn, MultipartPrefix + "no file"),
        Api("GET", "/api/v1/reports/{reportId:int}/receipt.pdf", "/api/v1/reports/{r}/receipt.pdf", Audience.ReadOwn),
        Api("GET", "/api/v1/reports/{reportId:int}/decision.pdf", "/api/v1/reports/{r}/decision.pdf", Audience.ReadOwn),
        Api("GET", "/api/v1/reports/standing", "/api/v1/reports/standing", Audience.Department),
        Api("POST", "/api/v1/reports/extensions", "/api/v1/reports/extensions", Audience.CaseWork, "{\"partnershipId\": {p}, \"year\": 1999}") with { PartnershipInBody = true },
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/reports", "/api/v1/partnerships/{p}/reports", Audience.ReadOwn),
        Api("GET", "/api/v1/actor-kinds/", "/api/v1/actor-kinds", Audience.SignedIn),
        Api("POST", "/api/v1/actor-kinds/", "/api/v1/actor-kinds", Audience.Department, "{}"),
        Api("GET", "/api/v1/actors", "/api/v1/actors", Audience.Department),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/actors/", "/api/v1/partnerships/{p}/actors", Audience.ReadOwn),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/actors/", "/api/v1/partnerships/{p}/actors", Audience.EditOwn, "{}"),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/", "/api/v1/partnerships/{p}/actors/999999", Audience.ReadOwn),
        Api("PUT", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/", "/api/v1/partnerships/{p}/actors/999999", Audience.EditOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/archive", "/api/v1/partnerships/{p}/actors/999999/archive", Audience.EditOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/restore", "/api/v1/partnerships/{p}/actors/999999/restore", Audience.EditOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/recognitions", "/api/v1/partnerships/{p}/actors/999999/recognitions", Audience.EditOwn, "{\"version\": 0}"),
        Api("DELETE", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/recognitions/{recognitionId:int}", "/api/v1/partnerships/{p}/actors/999999/recognitions/1?version=0", Audience.EditOwn),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/contacts", "/api/v1/partnerships/{p}/actors/999999/contacts", Audience.EditOwn, "{\"version\": 0}"),
        Api("DELETE", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/contacts/{contactId:int}", "/api/v1/partnerships/{p}/actors/999999/contacts/1?version=0", Audience.EditOwn),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/ties", "/api/v1/partnerships/{p}/actors/999999/ties", Audience.EditOwn, "{\"version\": 0}"),
        Api("DELETE", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/ties/{tieId:int}", "/api/v1/partnerships/{p}/actors/999999/ties/1?version=0", Audience.EditOwn),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/links", "/api/v1/partnerships/{p}/actors/999999/links", Audience.EditOwn, "{\"version\": 0}"),
        Api("DELETE", "/api/v1/partnerships/{partnershipId:int}/actors/{actorId:int}/links/{linkId:int}", "/api/v1/partnerships/{p}/actors/999999/links/1?version=0", Audience.EditOwn),

        // API: a voucher scheme's controls (issue 10.6, KC9); the scheme, control and voucher do not exist, so nothing changes.
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/controls/", "/api/v1/partnerships/{p}/voucher-schemes/999999/controls", Audience.ReadOwn),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/controls/", "/api/v1/partnerships/{p}/voucher-schemes/999999/controls", Audience.EditOwn, "{}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/controls/{controlId:int}/outcome", "/api/v1/partnerships/{p}/voucher-schemes/999999/controls/999999/outcome", Audience.EditOwn, "{\"passed\": true, \"version\": 0}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/controls/vouchers/{voucherId:int}/repayment", "/api/v1/partnerships/{p}/voucher-schemes/999999/controls/vouchers/999999/repayment", Audience.EditOwn, "{\"version\": 0}"),

        // API: introduction vouchers, the desk (issue 10.6); writes name a scheme or voucher that does not exist, or fail validation.
        Api("GET", "/api/v1/voucher-schemes", "/api/v1/voucher-schemes", Audience.Department),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/", "/api/v1/partnerships/{p}/voucher-schemes", Audience.ReadOwn),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/", "/api/v1/partnerships/{p}/voucher-schemes", Audience.EditOwn, "{}"),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/", "/api/v1/partnerships/{p}/voucher-schemes/999999", Audience.ReadOwn),
        Api("PUT", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/", "/api/v1/partnerships/{p}/voucher-schemes/999999", Audience.EditOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/open", "/api/v1/partnerships/{p}/voucher-schemes/999999/open", Audience.EditOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/close", "/api/v1/partnerships/{p}/voucher-schemes/999999/close", Audience.EditOwn, "{\"version\": 0}"),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/vouchers", "/api/v1/partnerships/{p}/voucher-schemes/999999/vouchers", Audience.ReadOwn),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/vouchers/export", "/api/v1/partnerships/{p}/voucher-schemes/999999/vouchers/export", Audience.ReadOwn),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/vouchers/{voucherId:int}/", "/api/v1/partnerships/{p}/voucher-schemes/999999/vouchers/999999", Audience.ReadOwn),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/vouchers/{voucherId:int}/decision", "/api/v1/partnerships/{p}/voucher-schemes/999999/vouchers/999999/decision", Audience.EditOwn, "{\"approve\": false, \"version\": 0}"),
        Api("POST", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/vouchers/{voucherId:int}/payment", "/api/v1/partnerships/{p}/voucher-schemes/999999/vouchers/999999/payment", Audience.EditOwn, "{\"version\": 0}"),
        Api("GET", "/api/v1/partnerships/{partnershipId:int}/voucher-schemes/{schemeId:int}/vouchers/{voucherId:int}/files/{kind}", "/api/v1/partnerships/{p}/voucher-schemes/999999/vouchers/999999/files/invoice", Audience.ReadOwn),

        // API: application dossiers ({a}: the partnership's own withdrawn dossier, or another's; writes are refused by its status).
        Api("GET", "/api/v1/applications/", "/api/v1/applications", Audience.SignedIn),
        Api("GET", "/api/v1/applications/plans", "/api/v1/applications/plans", Audience.Department),
        Api("POST", "/api/v1/applications/", "/api/v1/applications", Audience.ApplyOwn, "{\"partnershipId\": {p}, \"callId\": 999999}") with { PartnershipInBody = true },
        Api("GET", "/api/v1/applications/{applicationId:int}/", "/api/v1/applications/{a}", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/plan", "/api/v1/applications/{a}/plan", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/attachments", "/api/v1/applications/{a}/attachments", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/attachments/{attachmentId:int}", "/api/v1/applications/{a}/attachments/999999", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/versions", "/api/v1/applications/{a}/versions", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/versions/{number:int}", "/api/v1/applications/{a}/versions/999", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/diff", "/api/v1/applications/{a}/diff?from=1&to=2", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/versions/{number:int}/receipt", "/api/v1/applications/{a}/versions/999/receipt", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/versions/{number:int}/document", "/api/v1/applications/{a}/versions/999/document", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/versions/{number:int}/bundle", "/api/v1/applications/{a}/versions/999/bundle", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/decisions/{decisionId:int}/letter", "/api/v1/applications/{a}/decisions/999999/letter", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/commitment-statement", "/api/v1/applications/{a}/commitment-statement", Audience.ReadOwn),
        Api("GET", "/api/v1/applications/{applicationId:int}/decisions", "/api/v1/applications/{a}/decisions", Audience.ReadOwn),
        Api("PUT", "/api/v1/applications/{applicationId:int}/information", "/api/v1/applications/{a}/information", Audience.ApplyOwn, "{\"version\": 0}"),
        Api("POST", "/api/v1/applications/{applicationId:int}/actions", "/api/v1/applications/{a}/actions", Audience.ApplyOwn, "{\"shortDescription\": \"Toegangstest\", \"code\": \"WSE-LR1\"}"),
        Api("PUT", "/api/v1/applications/{applicationId:int}/actions/{actionId:int}", "/api/v1/applications/{a}/actions/999999", Audience.ApplyOwn, "{\"shortDescription\": \"Toegangstest\", \"code\": \"WSE-LR1\", \"version\": 0}"),
        Api("DELETE", "/api/v1/applications/{applicationId:int}/actions/{actionId:int}", "/api/v1/applications/{a}/actions/999999?version=0", Audience.ApplyOwn),
        Api("POST", "/api/v1/applications/{applicationId:int}/plan", "/api/v1/applications/{a}/plan", Audience.ApplyOwn, "not a plan\n"),
        Api("POST", "/api/v1/applications/{applicationId:int}/attachments", "/api/v1/applications/{a}/attachments", Audience.ApplyOwn, MultipartPrefix + "other"),
        Api("POST", "/api/v1/applications/{applicationId:int}/submit", "/api/v1/applications/{a}/submit", Audience.SignOwn, "{}"),
        Api("POST", "/api/v1/applications/{applicationId:int}/withdraw", "/api/v1/applications/{a}/withdraw", Audience.SignOwn),
        Api("POST", "/api/v1/applications/{applicationId:int}/extension", "/api/v1/applications/{a}/extension", Audience.CaseWork, "{\"until\": \"2099-12-31\", \"motivation\": \"Toegangstest\"}"),
        Api("POST", "/api/v1/applications/{applicationId:int}/checks", "/api/v1/applications/{a}/checks", Audience.CaseWork, "{\"check\": \"R7a\", \"verdict\": \"sufficient\"}"),
        Api("POST", "/api/v1/applications/{applicationId:int}/decision", "/api/v1/applications/{a}/decision", Audience.CaseWork, "{\"decision\": \"approve\", \"motivation\": \"Toegangstest\"}"),
    ];

    [Fact]
    public async Task EveryEndpoint_IsInTheTable_AndHasAnExplicitPolicy()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false, realSignIn: true);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var withoutPolicy = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var key = KeyOf(endpoint);
            keys.Add(key);
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IAllowAnonymous>() is null && !metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            {
                withoutPolicy.Add(key);
            }
        }

        var known = Table.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Where(k => !known.Contains(k)).ToList();
        var stale = known.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Endpoints not in the access table (decide who may use them, add them to AccessMatrixTests.Table):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows of the access table that match no endpoint:\n" + string.Join("\n", stale));
        Assert.True(withoutPolicy.Count == 0, "Endpoints that only have the fallback policy (give them a named policy or AllowAnonymous):\n" + string.Join("\n", withoutPolicy.Distinct()));
    }

    /// <summary>
    /// Issue 7: what belongs to a partnership is guarded by one convention, not by calls in handlers. Every page and
    /// endpoint whose route carries {partnershipId}, or the id of something a partnership owns ({applicationId}), or
    /// whose API body names the partnership, has the gate (PartnershipAccess marks it), and a partnership is never
    /// named another way: no {id} under a partnerships or applications route, and no handler or page takes a
    /// partnershipId from the query or form, where the gate would not see it.
    /// </summary>
    [Fact]
    public async Task EveryPartnershipRoute_PassesThePartnershipGate_AndNoneNamesAPartnershipOutsideItsRoute()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false, realSignIn: true);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var owned = new[] { Web.Infrastructure.PartnershipAccess.RouteParameter, Web.Features.Applications.ApplicationsFeature.RouteParameter, Web.Features.Reports.ReportsFeature.RouteParameter };
        Assert.Equal(owned, Web.Infrastructure.PartnershipAccess.RouteParameters);
        var guarded = endpoints.Where(e => owned.Any(o => e.RoutePattern.GetParameter(o) is not null)
            || (e.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters().Any(p => typeof(Web.Infrastructure.IPartnershipRequest).IsAssignableFrom(p.ParameterType)) ?? false)).ToList();
        Assert.Contains(guarded, e => KeyOf(e) == "PAGE /Partnerships/Details");
        Assert.Contains(guarded, e => KeyOf(e) == "GET /api/v1/partnerships/{partnershipId:int}/");
        Assert.Contains(guarded, e => KeyOf(e) == "GET /api/v1/applications/{applicationId:int}/");
        Assert.Contains(guarded, e => KeyOf(e) == "POST /api/v1/applications/");
        Assert.Contains(guarded, e => KeyOf(e) == "PAGE /Reports/Report");

        var unguarded = guarded.Where(e => e.Metadata.GetMetadata<Web.Infrastructure.PartnershipGuarded>() is null).Select(KeyOf).ToList();
        Assert.True(unguarded.Count == 0, "Routes of a partnership or what it owns that the partnership gate does not guard:\n" + string.Join("\n", unguarded));

        var otherNames = endpoints
            .Where(e => ((e.RoutePattern.RawText ?? "").Contains("artnerships/", StringComparison.Ordinal) || (e.RoutePattern.RawText ?? "").Contains("pplications/", StringComparison.Ordinal))
                && e.RoutePattern.Parameters.Any(p => p.Name == "id"))
            .Select(KeyOf).ToList();
        Assert.True(otherNames.Count == 0, "Partnership routes that name the partnership {id} instead of {partnershipId} (the gate would not see it):\n" + string.Join("\n", otherNames));

        // An API handler parameter named partnershipId must be the route's.
        var apiParameters = endpoints
            .Where(e => e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is { } method
                && method.GetParameters().Any(p => string.Equals(p.Name, "partnershipId", StringComparison.OrdinalIgnoreCase))
                && e.RoutePattern.GetParameter("partnershipId") is null)
            .Select(KeyOf).ToList();
        Assert.True(apiParameters.Count == 0, "API handlers that take a partnershipId outside their route:\n" + string.Join("\n", apiParameters));

        // Pages: a bound property or handler parameter named partnershipId, from anywhere but the route.
        var pageModels = typeof(Web.Infrastructure.RegiekamerPage).Assembly.GetTypes().Where(t => typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t));
        var pageNames = new List<string>();

        // Administrators grant a role for any partnership: the partnership there is what is granted, not whose data is read.
        var allowed = new[] { typeof(Web.Features.Admin.Users.EditModel) };
        foreach (var model in pageModels.Except(allowed))
        {
            foreach (var property in model.GetProperties().Where(p => p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true).Length > 0 || p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), true).Length > 0))
            {
                var name = (property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), true).FirstOrDefault() as Microsoft.AspNetCore.Mvc.FromQueryAttribute)?.Name
                    ?? (property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true).FirstOrDefault() as Microsoft.AspNetCore.Mvc.BindPropertyAttribute)?.Name
                    ?? property.Name;
                if (string.Equals(name, "partnershipId", StringComparison.OrdinalIgnoreCase))
                {
                    pageNames.Add($"{model.FullName}.{property.Name}");
                }
            }

            foreach (var handler in model.GetMethods().Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)))
            {
                pageNames.AddRange(handler.GetParameters().Where(p => string.Equals(p.Name, "partnershipId", StringComparison.OrdinalIgnoreCase)).Select(p => $"{model.FullName}.{handler.Name}({p.Name})"));
            }
        }

        Assert.True(pageNames.Count == 0, "Pages that bind a partnershipId themselves (take CurrentPartnership, which the gate fills from the route):\n" + string.Join("\n", pageNames));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryEndpoint_AsEveryRole_LetsInExactlyItsAudience_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var principals = await Principals.CreateAsync(app);
        var before = await Principals.StateAsync(app);

        var wrong = new List<string>();
        var walked = 0;
        foreach (var who in Principals.Everyone)
        {
            using var client = principals.Client(app, who);
            foreach (var probe in Table)
            {
                foreach (var (url, own, body) in Urls(probe, principals))
                {
                    using var response = await SendAsync(client, probe, url, body);
                    walked++;
                    var gotIn = probe.Answers403
                        ? response.StatusCode == HttpStatusCode.Forbidden && response.Content.Headers.ContentType?.MediaType == "text/html"
                        : GotIn(response);
                    var expected = Allowed(probe.Audience, who, own);
                    if (gotIn != expected)
                    {
                        wrong.Add($"{who,-14} {probe.Method,-6} {url}: {(expected ? "should get in" : "should be refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
                    }
                    else if (!gotIn)
                    {
                        // Refused the way its client understands: the API says 401/403, a page sends a browser to sign in.
                        var status = (int)response.StatusCode;
                        var fine = who == Who.Anonymous
                            ? probe.IsPage ? status == 302 : status == 401
                            : status == 403;
                        if (!fine)
                        {
                            wrong.Add($"{who,-14} {probe.Method,-6} {url}: refused with {status} {response.Headers.Location}");
                        }
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {walked} requests went wrong:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await Principals.StateAsync(app));
    }

    private static string KeyOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            return "PAGE " + page.ViewEnginePath;
        }

        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        return string.Join(",", methods) + " " + endpoint.RoutePattern.RawText;
    }

    private static bool Allowed(Audience audience, Who who, bool own)
    {
        var department = who is Who.Administrator or Who.CaseHandler or Who.PolicyOfficer;
        return audience switch
        {
            Audience.Everyone => true,
            Audience.SignedIn => who != Who.Anonymous,
            Audience.Department => department,
            Audience.CaseWork => who is Who.Administrator or Who.CaseHandler,
            Audience.Administrator => who == Who.Administrator,
            Audience.Decrees => who is Who.Administrator or Who.PolicyOfficer,
            Audience.ReadOwn => department || (Principals.IsPartnershipRole(who) && own),
            Audience.EditOwn => who is Who.Administrator or Who.CaseHandler || (who == Who.Regisseur && own),
            Audience.ApplyOwn => who is Who.Regisseur or Who.Signatory && own,
            Audience.SignOwn => who == Who.Signatory && own,
            _ => throw new ArgumentOutOfRangeException(nameof(audience)),
        };
    }

    /// <summary>
    /// Refused: 401, 403, or the challenge's redirect to the sign-in or access-denied page (it carries "ReturnUrl";
    /// a page's own redirect to the sign-in page, such as LoginWith2fa without a pending sign-in, does not).
    /// </summary>
    private static bool GotIn(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            return !(target.StartsWith("/Account/Login?ReturnUrl=", StringComparison.Ordinal) || target.StartsWith("/Account/AccessDenied?ReturnUrl=", StringComparison.Ordinal));
        }

        return true;
    }

    /// <summary>The probe's URL (and body) for the partnership roles' own partnership and for another: {p} a partnership, {a} its dossier, {r} its report.</summary>
    private static IEnumerable<(string Url, bool Own, string? Body)> Urls(Probe probe, Principals principals)
    {
        var url = probe.Url
            .Replace("{call}", principals.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{regisseur}", principals.UserId(Who.Regisseur).ToString(), StringComparison.Ordinal);
        if (!url.Contains("{p}", StringComparison.Ordinal) && !url.Contains("{a}", StringComparison.Ordinal) && !url.Contains("{r}", StringComparison.Ordinal) && !probe.PartnershipInBody)
        {
            yield return (url, true, probe.Body);
            yield break;
        }

        foreach (var (partnership, application, report, own) in new[] { (principals.Own, principals.OwnApplication, principals.OwnReport, true), (principals.Other, principals.OtherApplication, principals.OtherReport, false) })
        {
            string Fill(string text) => text
                .Replace("{p}", partnership.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{a}", application.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{r}", report.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            yield return (Fill(url), own, probe.Body is { } body ? Fill(body) : null);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Probe probe, string url, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), new Uri(url, UriKind.Relative));
        if (body is not null && body.StartsWith(MultipartPrefix, StringComparison.Ordinal))
        {
            // A form without the file it asks for: whoever gets in is told so, and nothing is stored.
            request.Content = new MultipartFormDataContent { { new StringContent(body[MultipartPrefix.Length..]), "kind" } };
        }
        else if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/csv");
        }

        return await client.SendAsync(request);
    }


    /// <summary>A probe body sent as multipart/form-data (one field, kind, with the rest of the text).</summary>
    private const string MultipartPrefix = "multipart:";

    private static Probe Page(string page, string url, Audience audience) => new("PAGE " + page, "GET", url, audience, null);

    private static Probe Api(string method, string pattern, string url, Audience audience, string? body = null) => new(method + " " + pattern, method, url, audience, body);

    private sealed record Probe(string Key, string Method, string Url, Audience Audience, string? Body)
    {
        /// <summary>The page itself answers 403 (the access-denied page says so to clients): in means its HTML.</summary>
        public bool Answers403 { get; init; }

        /// <summary>The body names the partnership ({p}): run for the own partnership and another's.</summary>
        public bool PartnershipInBody { get; init; }

        public bool IsPage => Key.StartsWith("PAGE ", StringComparison.Ordinal);
    }
}
