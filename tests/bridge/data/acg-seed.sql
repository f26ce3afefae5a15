-- Fixture rows for the bridge tests (acg-faka-model.md §6 "Seed"). Times are Asia/Shanghai strings,
-- as acg-faka's PHP writes them. __PREFIX__ is replaced by the table prefix.
INSERT INTO `__PREFIX__config` (`id`, `key`, `value`) VALUES (1, 'shop_name', '测试卡盟'), (2, 'notice', '');
INSERT INTO `__PREFIX__pay` (`id`, `name`, `code`, `handle`, `commodity`) VALUES
  (1, '余额', '#system', '#system', 1), (2, '支付宝', 'alipay', 'Epay', 1);
INSERT INTO `__PREFIX__user_group` (`id`, `name`, `icon`, `discount_config`, `cost`, `recharge`) VALUES
  (1, '一贫如洗', NULL, NULL, 0.00, 0.00), (2, '小康之家', NULL, NULL, 0.00, 50.00),
  (3, '白领', NULL, '{}', 0.00, 100.00), (4, '富豪', NULL, NULL, 0.00, 200.00),
  (5, '大亨', NULL, '{"1":95}', 0.00, 300.00), (6, '至尊', NULL, '{"1":50}', 0.00, 500.00);
INSERT INTO `__PREFIX__commodity_group` (`id`, `name`, `commodity_list`) VALUES (1, '热门', '[1,"3"]');
INSERT INTO `__PREFIX__category` (`id`, `name`, `sort`, `create_time`, `owner`, `icon`, `status`, `hide`, `pid`) VALUES
  (1, '游戏点卡', 10, '2026-11-01 10:00:00', 0, NULL, 1, 0, NULL),
  (2, '话费充值', 20, '2026-11-01 10:05:00', 0, NULL, 0, 1, 1),
  (3, '商户分类', 0, '2026-11-01 10:06:00', 1001, NULL, 1, 0, NULL);
INSERT INTO `__PREFIX__commodity` (`id`, `category_id`, `name`, `description`, `factory_price`, `price`, `user_price`,
  `status`, `owner`, `create_time`, `code`, `delivery_way`, `delivery_message`, `sort`, `shared_id`, `shared_code`,
  `shared_stock`, `stock`, `level_price`, `level_disable`) VALUES
  (1, 1, '腾讯Q币 10元', '<p>秒发</p>', 9.50, 10.00, 9.90, 1, 0, '2026-11-01 11:00:00', 'A1B2C3D4E5F60718', 0, NULL, 5,
   NULL, NULL, NULL, NULL, '{"2":{"amount":"9.80","show":1}}', 0),
  (2, 1, '网易点卡 人工', NULL, 18.00, 20.00, 19.99, 1, 0, '2026-11-01 11:10:00', 'B1B2C3D4E5F60718', 1, NULL, 6,
   NULL, NULL, NULL, 7, NULL, 0),
  (3, 2, '移动话费 对接', NULL, 0.80, 0.90, 0.90, 0, 0, '2026-11-01 11:20:00', 'C1B2C3D4E5F60718', 0, NULL, 7,
   1, 'D0C0AA', '{"count":5}', NULL, NULL, 0),
  (4, 3, '商户商品', NULL, 1.00, 2.00, 2.00, 1, 1001, '2026-11-01 11:30:00', 'D1B2C3D4E5F60718', 0, NULL, 0,
   NULL, NULL, NULL, NULL, NULL, 0);
INSERT INTO `__PREFIX__card` (`id`, `owner`, `commodity_id`, `secret`, `create_time`, `purchase_time`, `order_id`, `status`, `sku`) VALUES
  (1, 0, 1, 'QB-0001', '2026-11-02 09:00:00', NULL, NULL, 0, '[]'),
  (2, 0, 1, 'QB-0002', '2026-11-02 09:00:00', NULL, NULL, 0, '[]'),
  (3, 0, 1, 'QB-0003', '2026-11-02 09:00:00', NULL, NULL, 0, '[]'),
  (4, 0, 1, 'QB-0004', '2026-11-02 09:00:00', NULL, NULL, 2, '[]'),
  (5, 0, 1, 'QB-0005', '2026-11-02 09:00:00', '2026-11-28 13:14:55', 1, 1, '[]');
INSERT INTO `__PREFIX__user` (`id`, `username`, `email`, `phone`, `qq`, `password`, `salt`, `app_key`, `balance`, `coin`,
  `create_time`, `pid`, `recharge`, `total_coin`, `status`, `business_level`) VALUES
  (1000, 'alice', 'alice@example.com', NULL, NULL, 'x', 's', 'AAAAAAAAAAAAAAAA', 12.30, 0.35, '2026-11-02 08:00:00', 0, 120.00, 0.35, 1, NULL),
  (1001, 'bob', NULL, '13800000000', NULL, 'x', 's', 'BBBBBBBBBBBBBBBB', 0.00, 0.00, '2026-11-03 20:30:00', 1000, 500.00, 0.00, 1, 1),
  (1002, 'carol', NULL, NULL, '10001', 'x', 's', 'CCCCCCCCCCCCCCCC', 5.05, 0.00, '2026-11-04 00:00:01', 0, 49.99, 0.00, 0, NULL);
INSERT INTO `__PREFIX__order` (`id`, `owner`, `user_id`, `trade_no`, `amount`, `commodity_id`, `card_num`, `pay_id`, `create_time`,
  `create_ip`, `create_device`, `pay_time`, `status`, `secret`, `contact`, `delivery_status`, `from`, `widget`, `rent`,
  `pay_cost`, `divide_amount`) VALUES
  (1, 1000, 0, '128261128131455842', 9.90, 1, 1, 1, '2026-11-28 13:14:55', '127.0.0.1', 0, '2026-11-28 13:14:55', 1,
   'QB-0005', 'a1b2c3d4e5f60718', 1, NULL, '[]', 9.50, 0.00, NULL),
  (2, 0, 0, '200261128140000001', 20.50, 2, 1, 2, '2026-11-28 14:00:00', '127.0.0.1', 0, '2026-11-28 14:00:30', 1,
   '正在发货中，请耐心等待，如有疑问，请联系客服。', 'buyer@example.com', 0, NULL, '[]', 18.00, 0.51, NULL),
  (3, 1001, 0, '300261128150000002', 19.80, 1, 2, 1, '2026-11-28 15:00:00', '127.0.0.1', 0, '2026-11-28 15:00:00', 1,
   '很抱歉，有人在你付款之前抢走了商品，请联系客服。', 'b1b2c3d4e5f60718', 1, 1000, '[]', 19.00, 0.00, 0.10),
  (4, 1002, 0, '400261128160000003', 9.90, 1, 1, 2, '2026-11-28 16:00:00', '127.0.0.1', 0, NULL, 0,
   NULL, 'c1b2c3d4e5f60718', 0, NULL, '[]', 9.50, 0.00, NULL),
  (5, 1000, 1001, '500261128170000004', 2.00, 4, 1, 1, '2026-11-28 17:00:00', '127.0.0.1', 0, '2026-11-28 17:00:00', 1,
   'M-1', 'a1b2c3d4e5f60718', 1, NULL, '[]', 1.00, 0.00, NULL),
  (6, 1000, 0, '600261127235959005', 59.97, 2, 3, 1, '2026-11-27 23:59:59', '127.0.0.1', 0, '2026-11-28 00:00:05', 1,
   'NE-1\nNE-2\nNE-3', 'a1b2c3d4e5f60718', 1, NULL, '[]', 54.00, 0.00, NULL),
  (7, 0, 0, '700261128180000006', 0.90, 3, 1, 2, '2026-11-28 18:00:00', '127.0.0.1', 1, '2026-11-28 18:00:10', 1,
   'UP-1', 'guest2@example.com', 1, NULL, '[]', 0.80, 0.00, NULL);
INSERT INTO `__PREFIX__bill` (`id`, `owner`, `amount`, `balance`, `type`, `currency`, `log`, `create_time`) VALUES
  (1, 1000, 9.90, 12.30, 0, 0, '商品下单[128261128131455842]', '2026-11-28 13:14:55'),
  (2, 1000, 0.10, 0.35, 1, 1, '推广分成[300261128150000002]', '2026-11-28 15:00:00');
INSERT INTO `__PREFIX__cash` (`id`, `user_id`, `amount`, `type`, `card`, `create_time`, `arrive_time`, `cost`, `status`, `message`) VALUES
  (1, 1000, 10.00, 1, 0, '2026-11-20 10:00:00', NULL, 0.50, 0, NULL),
  (2, 1000, 5.00, 1, 0, '2026-11-21 10:00:00', '2026-11-21 12:00:00', 0.25, 1, NULL),
  (3, 1001, 3.00, 1, 1, '2026-11-22 10:00:00', '2026-11-22 12:00:00', 0.15, 2, '账号错误');
