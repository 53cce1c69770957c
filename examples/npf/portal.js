// The portal's own script, as such portals have them: jQuery 1.x, run on ready. The end-to-end test
// reads what it writes, with and without the widgets on the page.
$(function () {
  $('#npf-notice-count').text($('.npf-notices tbody tr').length);
  $('.npf-menu-toggle').on('click', function () {
    var menu = $('.npf-menu');
    menu.toggleClass('open');
    $(this).attr('aria-expanded', menu.hasClass('open') ? 'true' : 'false');
  });
  $('body').addClass('npf-ready').attr('data-jquery', $.fn.jquery);
});
