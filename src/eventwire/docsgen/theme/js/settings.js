// The theme's two globals, set here and not in an inline script (the server's CSP refuses inline scripts).
var base_url = document.currentScript.dataset.baseUrl,
    shortcuts = {"help": 191, "next": 78, "previous": 80, "search": 83};
