using System.Security.Claims;
using HkStrategy.Web.Schema;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Security;

/// <summary>Sign-in with HKS_DASHBOARD_PASSWORD (only when it is set), and sign-out.</summary>
[AnySchema]
public sealed class LoginModel(DashboardAccess access, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => access.RequiresSignIn ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!access.RequiresSignIn)
        {
            return Redirect("/");
        }
        var client = SignInRateLimits.Client(HttpContext);
        if (throttle.LockedFor(client) is { } wait)
        {
            // Locked out: refused without looking at the password, so a guess in this time says nothing.
            Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        if (!access.Accepts(Password))
        {
            // A wrong password costs the guesser time; the response says no more than "wrong".
            throttle.Failed(client);
            await Task.Delay(TimeSpan.FromMilliseconds(400), HttpContext.RequestAborted);
            ModelState.AddModelError(nameof(Password), "that is not the dashboard's password");
            return Page();
        }
        throttle.Succeeded(client);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard"), new Claim(SecuritySetup.FingerprintClaim, access.Fingerprint)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(SecuritySetup.SignInPath);
    }
}
